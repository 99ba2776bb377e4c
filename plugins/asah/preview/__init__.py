"""What only the live preview shows: the course's problems in a banner on every page."""
