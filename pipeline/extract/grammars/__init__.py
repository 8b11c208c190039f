"""yargy grammars for the extractors."""
