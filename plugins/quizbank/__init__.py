"""quizbank: YAML question banks rendered as accessible quizzes and self-assessments."""
