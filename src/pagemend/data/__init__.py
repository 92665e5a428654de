"""Data tables: character maps, and later word lists and rules per language.

Kept out of the logic so that they can be read, reviewed and regenerated on their own."""
