//! HTTP GET with the limits a reader wants: ureq over rustls (no OpenSSL, no
//! async runtime; one blocking call per page suits a CLI and a worker thread),
//! redirects followed up to a limit, a global timeout, a size cap, an honest
//! User-Agent and conditional GET for feeds.

use super::WebError;
use std::io::Read;
use std::time::Duration;
use ureq::ResponseExt;

/// What the issue asks: 20 s per request, 20 MB per body, 10 redirects.
pub const TIMEOUT: Duration = Duration::from_secs(20);
pub const MAX_BYTES: u64 = 20_000_000;
pub const MAX_REDIRECTS: u32 = 10;

pub const USER_AGENT: &str = concat!(
    "glose/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; fetches only what its user asks for)"
);

/// A response's cache validators, sent back for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A fetched body, or "not modified" for a conditional GET.
#[derive(Debug)]
pub enum Fetched {
    NotModified,
    Body {
        /// Where the body came from, after redirects.
        url: String,
        content_type: Option<String>,
        body: Vec<u8>,
        validators: Validators,
    },
}

/// A reusable HTTP client (connections are pooled).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    timeout: Duration,
    max_bytes: u64,
    max_redirects: u32,
}

impl Default for Client {
    fn default() -> Self {
        Client::with_limits(TIMEOUT, MAX_BYTES, MAX_REDIRECTS)
    }
}

impl Client {
    pub fn new() -> Client {
        Client::default()
    }

    /// A client with other limits (tests use a short timeout and a small cap).
    pub fn with_limits(timeout: Duration, max_bytes: u64, max_redirects: u32) -> Client {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .max_redirects(max_redirects)
            .max_redirects_will_error(true)
            // Statuses are read here, so 304 and 404 get their own outcome.
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .build()
            .new_agent();
        Client {
            agent,
            timeout,
            max_bytes,
            max_redirects,
        }
    }

    /// GETs `url`. With `validators`, asks only for a changed body (`If-None-Match`,
    /// `If-Modified-Since`) and answers [`Fetched::NotModified`] on a 304.
    pub fn get(
        &self,
        url: &str,
        accept: &str,
        validators: Option<&Validators>,
    ) -> Result<Fetched, WebError> {
        if !super::is_web_url(url) {
            return Err(WebError::BadUrl);
        }
        let mut req = self.agent.get(url).header("Accept", accept);
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                req = req.header("If-None-Match", etag);
            }
            if let Some(lm) = &v.last_modified {
                req = req.header("If-Modified-Since", lm);
            }
        }
        let mut resp = req.call().map_err(|e| self.error(e))?;
        let status = resp.status().as_u16();
        if status == 304 && validators.is_some() {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(WebError::Status(status));
        }
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type");
        let found = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let final_url = resp.get_uri().to_string();
        // Refuse early when the server announces a body past the cap.
        if let Some(len) = header("content-length").and_then(|l| l.trim().parse::<u64>().ok()) {
            if len > self.max_bytes {
                return Err(WebError::TooLarge(self.max_bytes));
            }
        }
        let mut body = Vec::new();
        let mut reader = resp
            .body_mut()
            .with_config()
            .limit(self.max_bytes + 1)
            .reader();
        // Read one byte past the cap to tell "exactly the cap" from "more".
        match reader
            .by_ref()
            .take(self.max_bytes + 1)
            .read_to_end(&mut body)
        {
            Ok(_) => {}
            Err(e) => return Err(self.io_error(e)),
        }
        if body.len() as u64 > self.max_bytes {
            return Err(WebError::TooLarge(self.max_bytes));
        }
        Ok(Fetched::Body {
            url: final_url,
            content_type,
            body,
            validators: found,
        })
    }

    fn error(&self, e: ureq::Error) -> WebError {
        match e {
            ureq::Error::StatusCode(c) => WebError::Status(c),
            ureq::Error::Timeout(_) => WebError::Timeout(self.timeout.as_secs().max(1)),
            ureq::Error::TooManyRedirects => WebError::TooManyRedirects(self.max_redirects),
            ureq::Error::BodyExceedsLimit(_) => WebError::TooLarge(self.max_bytes),
            ureq::Error::HostNotFound => WebError::HostNotFound,
            ureq::Error::ConnectionFailed => WebError::ConnectionFailed,
            ureq::Error::BadUri(_) => WebError::BadUrl,
            ureq::Error::Io(io) => self.io_error(io),
            other => WebError::Other(super::clean_text(&other.to_string())),
        }
    }

    fn io_error(&self, e: std::io::Error) -> WebError {
        use std::io::ErrorKind as K;
        // ureq wraps its own errors (timeout, limit) in io::Error while reading a body.
        if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
            return match inner {
                ureq::Error::Timeout(_) => WebError::Timeout(self.timeout.as_secs().max(1)),
                ureq::Error::BodyExceedsLimit(_) => WebError::TooLarge(self.max_bytes),
                other => WebError::Other(super::clean_text(&other.to_string())),
            };
        }
        match e.kind() {
            K::TimedOut | K::WouldBlock => WebError::Timeout(self.timeout.as_secs().max(1)),
            K::ConnectionRefused | K::ConnectionReset | K::ConnectionAborted => {
                WebError::ConnectionFailed
            }
            _ => WebError::Io(super::clean_text(&e.to_string())),
        }
    }
}
