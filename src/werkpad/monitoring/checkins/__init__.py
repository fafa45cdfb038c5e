"""Check-ins: planning them, the candidate's and supervisor's pages, the signed link, the
rhythm, the assessment of a placement, the daily round and the signal overview."""
