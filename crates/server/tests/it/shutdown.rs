//! Stopping: after the signal the server stops accepting, answers what it already received,
//! and exits within 10 seconds even when a client stalls halfway through a request.

use std::time::{Duration, Instant};

use kindred_server::cli::{ServeArgs, Server};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stops_accepting_and_exits_within_ten_seconds() {
    let database = kindred_store::testing::fresh_sqlite().await;
    let args = ServeArgs {
        addr: "127.0.0.1:0".parse().unwrap(),
        database_url: String::new(),
        public_url: None,
        data_key_file: None,
    };
    let server = Server::bind(&args, database.store()).await.unwrap();
    let addr = server.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));

    // A client that sends half a request and then goes quiet.
    let mut stalled = TcpStream::connect(addr).await.unwrap();
    stalled
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: kindred\r\n")
        .await
        .unwrap();
    // A request that arrives complete just before the signal is still answered.
    let mut client = TcpStream::connect(addr).await.unwrap();
    client
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: kindred\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    client.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    let signalled = Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), serving)
        .await
        .expect("the server exits within 10 s of the signal")
        .unwrap();
    assert!(signalled.elapsed() < Duration::from_secs(10));
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "no new connections are accepted after stopping"
    );
    database.close().await;
}
