"""Which static files are collected: everything the finders find, except what cannot be collected.

``@utrecht/design-tokens`` ships ``background-image-icon.css``, which points at SVG files the package
does not contain. The manifest storage of production follows every ``url()`` in every collected
stylesheet and aborted on the missing files, which left every HTML page a 500. No page uses that
stylesheet, so the finder for the vendored packages leaves it out of collectstatic.

(An AppConfig with other ``ignore_patterns`` would do the same, but pytest-django's live server
serves static files only when the app is listed as ``django.contrib.staticfiles`` itself.)
"""

from django.contrib.staticfiles.finders import FileSystemFinder

NOT_COLLECTED = ["background-image-icon.css"]


class VendorFileSystemFinder(FileSystemFinder):
    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *NOT_COLLECTED])
