"""Documents in the window: the PDF preview, the case workspace's Documents tab (文书), print preview and
printing with a print record, the verify-document dialog, and the agreement editor."""
