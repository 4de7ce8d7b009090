//! The command line: subcommands and their options.
