//! Assembles the service: state, routes, middleware, and the server loop.

use crate::core::changes::Wake;
use crate::core::config::Config;
use crate::core::db::Db;
use crate::core::deadline;
use crate::core::error::AppError;
use crate::core::i18n::I18n;
use crate::core::web::{self, AppState};
use crate::experts::reconcile::NodeIndex;
use crate::experts::search::SearchIndex;
use crate::{
    api, audit, auth, consultations, experts, groups, guidance, inbox, knowledge, regions,
    screenings, taxonomy,
};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router, middleware};
use std::sync::Arc;
use tokio::net::TcpListener;

/// Largest request body accepted anywhere unless a route says otherwise
/// (forms and JSON; `CsrfForm` reads up to the same).
pub use crate::core::forms::BODY_LIMIT;

/// Connects, migrates and loads everything a node needs before serving.
pub async fn build_state(config: Config) -> anyhow::Result<AppState> {
    let options = crate::core::db::DbOptions {
        acquire_timeout: config.db_acquire_timeout,
    };
    let db = Db::connect_with(&config.database_url, options)
        .await?
        .with_audit_key(config.keys.audit_chain.clone());
    let was_keyed = db.has_migration(audit::anchor::KEYED_MIGRATION).await;
    db.migrate().await?;
    audit::anchor::Anchor::new(&config)
        .ensure(&db, !was_keyed)
        .await?;
    regions::store::sync_reference_data(&db).await?;
    taxonomy::store::seed(&db).await?;
    screenings::store::seed(&db).await?;
    crate::feedback::store::seed(&db).await?;
    let mut ext = axum::http::Extensions::new();
    ext.insert(Arc::new(groups::calendars::Calendars::start(&db).await?));
    ext.insert(Arc::new(taxonomy::cache::Phenomena::start(&db).await?));
    ext.insert(Arc::new(inbox::count::Counts::start(&db).await?));
    ext.insert(Arc::new(auth::lease::Leases::default()));
    ext.insert(Arc::new(experts::cache::ProfileCache::start(&db).await?));
    ext.insert(Arc::new(knowledge::search::Cache::default()));
    ext.insert(Arc::new(crate::stats::snapshot::Cache::default()));
    ext.insert(Arc::new(auth::oidc::Sso::load(
        config.oidc_config.as_deref(),
    )?));
    Ok(AppState {
        db,
        config: Arc::new(config),
        i18n: Arc::new(I18n::load()),
        ext: Arc::new(ext),
    })
}

/// Largest attachment upload (5 MiB), with room for the multipart framing;
/// only the attachment route takes it. Spreadsheet imports have their own
/// limit (`experts::transfer::IMPORT_BODY_LIMIT`).
pub const UPLOAD_LIMIT: usize =
    consultations::attachments::MAX_ATTACHMENT + crate::core::forms::BODY_LIMIT + 64 * 1024;

pub fn router(state: AppState, node: Arc<NodeIndex>) -> Router {
    // Request time-outs per route group (`core::deadline`): inside the
    // error renderer, so a 503 gets the user's language or the API's shape.
    let limits = &state.config.server;
    let (request_time, upload_time) = (limits.request_timeout, limits.upload_timeout);
    let pages = Router::new()
        .merge(auth::router())
        .merge(auth::oidc::router())
        .merge(audit::router())
        .merge(regions::router())
        .merge(groups::router())
        .merge(experts::router())
        .merge(consultations::router())
        .merge(taxonomy::router())
        .merge(guidance::router())
        .merge(inbox::router())
        .merge(screenings::router())
        .merge(knowledge::router())
        .merge(crate::stats::router())
        .merge(crate::events::router())
        .merge(crate::feedback::router())
        .merge(crate::fhir::router())
        .route("/api/v1/openapi.json", get(api::openapi_json))
        .route("/health", get(health))
        .route("/static/app.css", get(stylesheet))
        .route("/static/favicon.svg", get(favicon))
        .route("/favicon.ico", get(favicon))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::from_fn(move |req, next| {
            deadline::enforce(request_time, req, next)
        }));
    let uploads = consultations::upload_router()
        .merge(knowledge::upload_router())
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(UPLOAD_LIMIT))
        .layer(middleware::from_fn(move |req, next| {
            deadline::enforce(upload_time, req, next)
        }));
    // Spreadsheet imports: the handler reads the file in chunks and answers
    // one over `MAX_IMPORT_BYTES` with the import page saying so, so no
    // layer refuses on Content-Length; the body limit only ends a body that
    // keeps coming. Confirming stores up to 20 000 rows: the longer time too.
    let imports = experts::upload_router()
        .layer(DefaultBodyLimit::max(experts::transfer::IMPORT_BODY_LIMIT))
        .layer(middleware::from_fn(move |req, next| {
            deadline::enforce(upload_time, req, next)
        }));
    Router::new()
        .merge(pages)
        .merge(uploads)
        .merge(imports)
        .fallback(not_found)
        // Layers run outermost-last: headers → context → database gate →
        // session → error
        // rendering (so every error below it gets the user's language) →
        // panics → origin guard → session guard (bad or read-only tokens, a
        // password to change first) → (request time-out and body limits, per
        // route group) → handler.
        .layer(Extension(node.index.clone()))
        .layer(Extension(node))
        .layer(middleware::from_fn(auth::guard))
        .layer(middleware::from_fn(web::same_origin_guard))
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            inbox::count_layer,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            web::render_errors,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::session_layer,
        ))
        // While the database is down: a 503 at once, before any layer
        // waits for it (see `core::health`).
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::core::health::gate,
        ))
        // FHIR's errors as OperationOutcomes, also the session layer's
        // and the gate's.
        .layer(middleware::from_fn(crate::fhir::outcome_layer))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            web::context_layer,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            web::security_headers,
        ))
        .with_state(state)
}

/// A node ready to serve: its search index built from the database.
pub struct Prepared {
    state: AppState,
    search: Arc<SearchIndex>,
}

/// Loads the text analysis and builds the search index: the seconds a node
/// needs before it can answer. Done before the port is bound, so that no
/// client waits in the listen queue meanwhile (its header timeout does not
/// run there) and a balancer sees a refused connection and tries another
/// node.
pub async fn prepare(state: AppState) -> std::io::Result<Prepared> {
    let analysis = Arc::new(experts::search::TextAnalysis::load());
    tracing::info!(morphology = %analysis.status(), "text analysis for search");
    let search = SearchIndex::build(&state.db, analysis)
        .await
        .map_err(std::io::Error::other)?;
    tracing::info!(documents = search.documents(), "search index built");
    Ok(Prepared { state, search })
}

/// Prepares the node and serves on `listener` (see [`Prepared::serve`]).
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    prepare(state).await?.serve(listener, shutdown).await
}

impl Prepared {
    /// Serves on `listener` until `shutdown` resolves; requests in flight
    /// get the shutdown grace to finish (`core::server`), then the node
    /// stops.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let Prepared { state, search } = self;
        run(listener, state, search, shutdown).await
    }
}

async fn run(
    listener: TcpListener,
    state: AppState,
    search: Arc<SearchIndex>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (wake, notifications) = Wake::listen(&state.db, &state.config.database_url);
    let follower = tokio::spawn(experts::search::follow(
        search.clone(),
        state.db.clone(),
        wake.clone(),
    ));
    let node = Arc::new(NodeIndex::new(search, state.config.listen));
    let reconciler = tokio::spawn(experts::reconcile::keep_reconciling(
        node.clone(),
        state.db.clone(),
        wake.clone(),
    ));
    let calendars = tokio::spawn(crate::core::changes::follow(
        groups::calendars::calendars(&state),
        state.db.clone(),
        wake.clone(),
    ));
    let phenomena = tokio::spawn(crate::core::changes::follow(
        taxonomy::cache::phenomena(&state),
        state.db.clone(),
        wake.clone(),
    ));
    let counts = tokio::spawn(crate::core::changes::follow(
        inbox::count::counts(&state),
        state.db.clone(),
        wake.clone(),
    ));
    let profiles = tokio::spawn(crate::core::changes::follow(
        experts::cache::profile_cache(&state),
        state.db.clone(),
        wake,
    ));
    let janitor = tokio::spawn(janitor(state.db.clone()));
    let probe = tokio::spawn(crate::core::health::keep_probing(state.db.clone()));
    let anchor = audit::anchor::Anchor::new(&state.config);
    let checkpoints = tokio::spawn(audit::anchor::keep_checkpointing(
        anchor.clone(),
        state.db.clone(),
    ));
    let retention = tokio::spawn(audit::retention::keep_removing(
        anchor.clone(),
        state.db.clone(),
        state.config.audit_retention,
    ));
    let follow_ups = tokio::spawn(follow_ups(state.db.clone()));
    let digests = tokio::spawn(inbox::digest::keep_sending(state.clone()));
    let reminders = tokio::spawn(crate::events::reminders::keep_sending(state.clone()));
    let statistics = tokio::spawn(crate::stats::snapshot::keep_fresh(state.db.clone()));
    let trimmer = tokio::spawn(crate::core::memory::keep_trimming());
    let mailer = match &state.config.smtp_url {
        Some(url) => Some(tokio::spawn(crate::notify::run(
            state.db.clone(),
            state.i18n.clone(),
            state.config.base_url.clone(),
            url.clone(),
            state.config.mail_from.clone(),
        ))),
        None => {
            tracing::info!(
                "no SMTP server configured (--smtp-url): e-mail notifications wait unsent"
            );
            None
        }
    };
    let app = router(state.clone(), node.clone());
    crate::core::server::run(listener, app, &state.config.server, shutdown).await;
    janitor.abort();
    probe.abort();
    checkpoints.abort();
    retention.abort();
    // The last word of a node that stops: where the log stood.
    if let Err(e) = anchor.checkpoint(&state.db, false).await {
        tracing::error!(error = %e, "access-log checkpoint at shutdown failed");
    }
    calendars.abort();
    phenomena.abort();
    follower.abort();
    reconciler.abort();
    if let Some(n) = notifications {
        n.abort();
    }
    node.unregister(&state.db).await;
    follow_ups.abort();
    counts.abort();
    profiles.abort();
    digests.abort();
    reminders.abort();
    statistics.abort();
    trimmer.abort();
    if let Some(m) = mailer {
        m.abort();
    }
    state.db.close().await;
    Ok(())
}

/// Periodic housekeeping: expired sessions, change-feed entries every node
/// has long applied (a node that starts builds its index afresh), and the
/// rows of imports nobody confirmed within a day.
async fn janitor(db: Db) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(e) = crate::core::once::purge(&db).await {
            tracing::warn!(error = %e, "form token clean-up failed");
        }
        if let Err(e) = purge_login_counters(&db).await {
            tracing::warn!(error = %e, "login counter clean-up failed");
        }
        if let Err(e) = auth::oidc::store::purge_expired_pending(&db).await {
            tracing::warn!(error = %e, "pending single sign-on clean-up failed");
        }
        match auth::store::purge_expired_sessions(&db).await {
            Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions removed"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "session clean-up failed"),
        }
        let day_ago = crate::core::db::timestamp(
            jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24),
        );
        if let Err(e) = sqlx::query("DELETE FROM outbox WHERE at < $1")
            .bind(day_ago)
            .execute(db.pool())
            .await
        {
            tracing::warn!(error = %e, "outbox clean-up failed");
        }
        if let Err(e) = experts::reconcile::clean_up(&db).await {
            tracing::warn!(error = %e, "index register clean-up failed");
        }
        match experts::store::expire_batches(&db).await {
            Ok(n) if n > 0 => tracing::info!(expired = n, "unconfirmed imports expired"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "import batch clean-up failed"),
        }
    }
}

/// Login counters whose window has long ended count nothing.
async fn purge_login_counters(db: &Db) -> sqlx::Result<()> {
    let before = jiff::Timestamp::now() - otalusta_domain::throttle::WINDOW * 2;
    let mut tx = db.begin().await?;
    auth::throttle::purge(&mut tx, before).await?;
    tx.commit().await
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct HealthQuery {
    /// `1`: also tell which Finnish word analysis the search uses, and since
    /// when the database has been in its state (with the class of the last
    /// database error seen, if any).
    pub details: Option<String>,
}

/// Tells requesters when their follow-up is due (a notification with a
/// link; the request page asks the questions).
async fn follow_ups(db: Db) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        tick.tick().await;
        let due = match consultations::store::follow_ups_due(&db, groups::routes::today()).await {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!(error = %e, "follow-up check failed");
                continue;
            }
        };
        for (id, requester) in due {
            let result: sqlx::Result<()> = async {
                let mut tx = db.begin().await?;
                crate::notify::enqueue(
                    &mut tx,
                    otalusta_domain::ids::UserId(requester),
                    "follow-up",
                    &format!("/requests/{id}"),
                )
                .await?;
                consultations::store::mark_follow_up_notified(&mut tx, id).await?;
                tx.commit().await
            }
            .await;
            if let Err(e) = result {
                tracing::warn!(error = %e, "follow-up notification failed");
            }
        }
    }
}

/// Readiness: 200 when the database answers, 503 when not, answered at
/// once from the node's database health (`core::health`), never by waiting
/// for the database.
#[utoipa::path(get, path = "/health", tag = "operations", params(HealthQuery),
    responses(
        (status = 200, description = "The database answers", body = api::Health),
        (status = 503, description = "The database does not answer", body = api::Health),
    ))]
pub async fn health(
    State(state): State<AppState>,
    node: Option<Extension<Arc<NodeIndex>>>,
    Query(q): Query<HealthQuery>,
) -> Response {
    // Search works without Voikko, less precisely: `?details=1` says which
    // is in use (the plain answer stays `{"status":"ok"}` for probes), and
    // how this node's index last compared with the database.
    let morphology = node.as_ref().map(|Extension(n)| {
        if n.index.morphology_ok() {
            "voikko"
        } else {
            "fallback"
        }
    });
    let index = node.as_ref().map(|Extension(n)| {
        serde_json::json!({
            "node": n.node,
            "documents": n.index.documents(),
            "last_check": n.last_check(),
        })
    });
    let db = state.db.health_snapshot();
    let status = if db.up { "ok" } else { "unavailable" };
    let body = if q.details.as_deref() == Some("1") {
        serde_json::json!({
            "status": status,
            "search_morphology": morphology,
            "search_index": index,
            "database": {
                "since": crate::core::db::timestamp(db.since),
                "last_error": db.last_error,
            },
        })
    } else {
        serde_json::json!({ "status": status })
    };
    let code = if db.up {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, Json(body)).into_response()
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.css"),
    )
        .into_response()
}

async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../static/favicon.svg"),
    )
        .into_response()
}

async fn not_found() -> AppError {
    AppError::NotFound
}
