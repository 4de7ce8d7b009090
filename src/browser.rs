//! Opening a URL in the user's browser: `$BROWSER` (a `:`-separated list of
//! commands, each split on white space, `%s` standing for the URL, else the URL
//! appended), else the platform's opener. Never through a shell: the URL comes
//! from a feed and could hold `;` or `$(...)`.

use std::process::{Command, Stdio};

/// The commands to try, in order: program and arguments.
pub fn commands(url: &str, browser_var: Option<&str>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if let Some(var) = browser_var {
        for cmd in var.split(':') {
            let mut words: Vec<String> = cmd.split_whitespace().map(str::to_string).collect();
            if words.is_empty() {
                continue;
            }
            if words.iter().any(|w| w.contains("%s")) {
                for w in &mut words {
                    *w = w.replace("%s", url);
                }
            } else {
                words.push(url.to_string());
            }
            out.push(words);
        }
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    out.push(vec![opener.to_string(), url.to_string()]);
    out
}

/// Starts the browser on `url` without waiting for it; the reason if no
/// command could be started. Only http(s) URLs are opened.
pub fn open(url: &str) -> Result<(), String> {
    if !crate::web::is_web_url(url) {
        return Err("not a web address".into());
    }
    let var = std::env::var("BROWSER")
        .ok()
        .filter(|v| !v.trim().is_empty());
    for cmd in commands(url, var.as_deref()) {
        let started = Command::new(&cmd[0])
            .args(&cmd[1..])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = started {
            // Reap it in the background so no zombie is left.
            std::thread::spawn(move || child.wait());
            return Ok(());
        }
    }
    Err("no browser found (set BROWSER)".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_variable_is_split_without_a_shell() {
        let url = "https://example.org/a?b=1;rm -rf ~&c=$(x)";
        let cmds = commands(url, Some("firefox --new-tab:lynx %s"));
        assert_eq!(cmds[0], vec!["firefox", "--new-tab", url]);
        assert_eq!(cmds[1], vec!["lynx", url]);
        assert_eq!(cmds.len(), 3);
        assert_eq!(commands(url, None).len(), 1);
    }

    #[test]
    fn only_web_addresses_are_opened() {
        assert!(open("file:///etc/passwd").is_err());
    }
}
