//! The server under load: one keep-alive HTTP/1.1 connection and the request it repeats.

use bytes::Bytes;
use http_body_util::{BodyExt as _, Empty};
use hyper::client::conn::http1::SendRequest;
use hyper::header::{HeaderValue, COOKIE, HOST};
use hyper::{Request, Uri};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::Error;

/// Where to connect and what to ask for.
#[derive(Debug, Clone)]
pub struct Target {
    /// `host:port` to connect to and send as `Host`.
    authority: String,
    path: String,
    cookie: Option<HeaderValue>,
}

impl Target {
    pub fn parse(url: &str, cookie: Option<&str>) -> Result<Self, Error> {
        let uri: Uri = url.parse().map_err(|e| format!("--url {url:?}: {e}"))?;
        if uri.scheme_str() != Some("http") {
            return Err(format!("--url {url:?}: only http:// is supported").into());
        }
        let authority = uri
            .authority()
            .ok_or_else(|| format!("--url {url:?} has no host"))?;
        let authority = match authority.port_u16() {
            Some(_) => authority.to_string(),
            None => format!("{}:80", authority.host()),
        };
        let path = uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
        let cookie = cookie
            .map(HeaderValue::from_str)
            .transpose()
            .map_err(|e| format!("--cookie: {e}"))?;
        Ok(Self {
            authority,
            path,
            cookie,
        })
    }

    pub async fn connect(&self) -> Result<Connection, Error> {
        let stream = TcpStream::connect(&self.authority).await?;
        stream.set_nodelay(true)?;
        let (sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        // Drives the socket; ends when the connection closes.
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok(Connection {
            sender,
            target: self.clone(),
        })
    }

    fn request(&self) -> Result<Request<Empty<Bytes>>, Error> {
        let mut request = Request::get(self.path.as_str())
            .header(HOST, self.authority.as_str())
            .body(Empty::new())?;
        if let Some(cookie) = &self.cookie {
            request.headers_mut().insert(COOKIE, cookie.clone());
        }
        Ok(request)
    }
}

pub struct Connection {
    sender: SendRequest<Empty<Bytes>>,
    target: Target,
}

/// What came back: the status and the whole body (read, so the server's work is complete).
pub struct Response {
    pub status: u16,
    pub body: Bytes,
}

impl Connection {
    pub async fn get(&mut self) -> Result<Response, Error> {
        self.sender.ready().await?;
        let response = self.sender.send_request(self.target.request()?).await?;
        let status = response.status().as_u16();
        let body = response.into_body().collect().await?.to_bytes();
        Ok(Response { status, body })
    }
}
