//! A small HTTP/1.1 client over `std::net::TcpStream` for the service's
//! tests (and the WebDriver client): it sends exactly the bytes a test
//! wants — a body cut short, a broken multipart, a request in two halves —
//! which a full client library would not let it, and adds no dependency.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// How long a test waits for an answer before it fails.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// An answer.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body (chunked transfer decoded).
    pub body: Vec<u8>,
}

impl Response {
    /// The first header of this name.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The `error.code` of a JSON error body.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error code: {}", self.text()))
            .to_owned()
    }
}

/// A connection to `addr`, with the test's read timeout.
pub fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("the server accepts");
    stream.set_read_timeout(Some(READ_TIMEOUT)).unwrap();
    stream
}

/// The head of a request: request line, `Host`, the headers given, and
/// `Content-Length` unless the headers set a length or a transfer coding.
pub fn head(method: &str, target: &str, headers: &[(&str, &str)], length: usize) -> Vec<u8> {
    let mut text = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    let sets_length = headers.iter().any(|(name, _)| {
        name.eq_ignore_ascii_case("content-length")
            || name.eq_ignore_ascii_case("transfer-encoding")
    });
    if !sets_length {
        text.push_str(&format!("Content-Length: {length}\r\n"));
    }
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.into_bytes()
}

/// Sends one request on a connection of its own (`Connection: close`) and
/// reads the answer.
pub fn request(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = connect(addr);
    let mut all = vec![("Connection", "close")];
    all.extend_from_slice(headers);
    let mut bytes = head(method, target, &all, body.len());
    bytes.extend_from_slice(body);
    // An answer may come before the whole body is sent (413): it is read
    // all the same.
    let _ = stream.write_all(&bytes);
    read_response(&mut BufReader::new(stream))
}

/// `GET target`.
pub fn get(addr: SocketAddr, target: &str) -> Response {
    request(addr, "GET", target, &[], b"")
}

/// `POST target` with `body`.
pub fn post(addr: SocketAddr, target: &str, body: &[u8]) -> Response {
    request(addr, "POST", target, &[], body)
}

/// A `multipart/form-data` body with one file part named `file`, and its
/// content type.
pub fn multipart(filename: &str, content: &[u8]) -> (String, Vec<u8>) {
    let boundary = "disclint-test-boundary-7f3a";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnot the report\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Reads one answer: status line, headers, and a body of the length the
/// headers give (chunked, or to the end of the stream).
pub fn read_response(reader: &mut impl BufRead) -> Response {
    let mut line = String::new();
    reader.read_line(&mut line).expect("a status line");
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {line:?}"));
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("a header line");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let mut response = Response {
        status,
        headers,
        body: Vec::new(),
    };
    if response.header("transfer-encoding") == Some("chunked") {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).expect("a chunk size");
            let size = usize::from_str_radix(size.trim(), 16).expect("a hex chunk size");
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).expect("a chunk");
            if size == 0 {
                break;
            }
            response.body.extend_from_slice(&chunk[..size]);
        }
    } else if let Some(length) = response.header("content-length") {
        let mut body = vec![0; length.parse().expect("a length")];
        reader.read_exact(&mut body).expect("the body");
        response.body = body;
    } else {
        reader.read_to_end(&mut response.body).expect("the body");
    }
    response
}
