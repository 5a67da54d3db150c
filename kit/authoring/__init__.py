"""Tools for teachers who write content: spreadsheets in and out, new lessons from their questions."""
