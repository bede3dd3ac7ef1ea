paging-position = Page { $page }/{ $pages }
paging-in_document = 📎 The full text is too long for one message; see the attached file.
