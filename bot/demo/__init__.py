"""The offline demo: emulator + bot + generated roster, chatted with in the terminal."""
