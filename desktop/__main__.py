"""``python -m desktop`` (and the frozen bundle's entry point)."""

from desktop.cli import main

if __name__ == "__main__":
    main()
