use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = otalusta::cli::Cli::parse();
    otalusta::cli::init_logging(&cli.log_format);
    otalusta::cli::run(cli).await
}
