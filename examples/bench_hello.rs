//! The baseline of the HTTP benchmarks (`scripts/bench.sh`): a bare axum
//! "hello" handler on the same tokio runtime and axum version as the
//! service, so the ratio of the service's throughput to this one says how
//! much the service's own work costs.
//!
//! `cargo run --release --example bench_hello -- 127.0.0.1:8081`

use axum::Router;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8081".to_owned());
    let app = Router::new().route("/", get(|| async { "hello" }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!(
        "bench_hello listening on http://{}/",
        listener.local_addr()?
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
