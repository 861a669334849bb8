"""``python -m desktop`` (and the frozen bundle's entry point)."""

import multiprocessing

from desktop.cli import main

if __name__ == "__main__":
    # A frozen bundle starts itself again for a second process (mediseal demo builds large runs in one):
    # freeze_support lets that start run the child's work instead of the app.
    multiprocessing.freeze_support()
    main()
