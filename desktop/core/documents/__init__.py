"""Documents for judicial confirmation and the case file: their content, amounts in words, and the
Chinese PDFs made from them."""
