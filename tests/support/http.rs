//! A small HTTP/1.1 server on 127.0.0.1 for the web tests: std `TcpListener` in a
//! thread, one thread per connection, `Connection: close`. Routes are a closure
//! from the request to a reply; every request is recorded so tests can check what
//! was asked (conditional GET headers, that nothing else was fetched). Stops when
//! dropped. Included with `#[path = "support/http.rs"] mod http;`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names lowercased.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

pub enum Body {
    Bytes(Vec<u8>),
    /// `n` bytes of filler sent in chunks with no Content-Length (a body that
    /// only the client's cap can stop).
    Endless(u64),
    /// Headers at once, then nothing for this long, then the bytes.
    Stall(Duration, Vec<u8>),
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: Body::Bytes(body.into()),
        }
    }
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: Body::Bytes(format!("<html><body><h1>Error {status}</h1></body></html>").into()),
        }
    }
    pub fn redirect(to: &str) -> Reply {
        Reply {
            status: 302,
            headers: vec![("Location".into(), to.into())],
            body: Body::Bytes(Vec::new()),
        }
    }
    pub fn header(mut self, k: &str, v: &str) -> Reply {
        self.headers.push((k.into(), v.into()));
        self
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

pub struct Server {
    pub base: String,
    pub requests: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    addr: std::net::SocketAddr,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        {
            let stop = stop.clone();
            let requests = requests.clone();
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    let handler = handler.clone();
                    let requests = requests.clone();
                    let stop = stop.clone();
                    std::thread::spawn(move || serve(conn, &*handler, &requests, &stop));
                }
            });
        }
        Server {
            base: format!("http://{addr}"),
            requests,
            stop,
            addr,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The paths requested so far, in order.
    pub fn paths(&self) -> Vec<String> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .map(|r| r.path.clone())
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve(conn: TcpStream, handler: &Handler, requests: &Mutex<Vec<Request>>, stop: &AtomicBool) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match conn.try_clone() {
        Ok(c) => c,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let req = Request { path, headers };
    requests.lock().unwrap().push(req.clone());
    let reply = handler(&req);
    let mut out = conn;
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", reply.status);
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    match reply.body {
        Body::Bytes(b) => {
            head.push_str(&format!("Content-Length: {}\r\n\r\n", b.len()));
            let _ = out.write_all(head.as_bytes());
            let _ = out.write_all(&b);
        }
        Body::Stall(wait, b) => {
            head.push_str(&format!("Content-Length: {}\r\n\r\n", b.len()));
            let _ = out.write_all(head.as_bytes());
            let _ = out.flush();
            let until = std::time::Instant::now() + wait;
            while std::time::Instant::now() < until && !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = out.write_all(&b);
        }
        Body::Endless(n) => {
            head.push_str("\r\n");
            let _ = out.write_all(head.as_bytes());
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0;
            while sent < n && !stop.load(Ordering::SeqCst) {
                if out.write_all(&chunk).is_err() {
                    break; // the client hung up: what a cap does
                }
                sent += chunk.len() as u64;
            }
        }
    }
    let _ = out.flush();
}
