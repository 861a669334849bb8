"""The small framework every page shares: the op runner, change notification, error display,
translation and formatting."""
