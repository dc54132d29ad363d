//! Ilmoitukset: e-mail notifications. A notification says only that there
//! is something new and links to the platform: no client, case or group
//! details (even being a client is confidential), so the platform's own
//! messages replace secure e-mail for the content.
//!
//! Notifications are written to the `notifications` table in the same
//! transaction as the change they announce; a sender on every node claims
//! pending ones for a minute, sends them over SMTP (lettre) and marks them
//! sent, so a crash or a second node neither loses nor doubles one.

use crate::core::db::{self, Db, Tx};
use crate::core::i18n::{I18n, Lang};
use lettre::message::{Mailbox, Message, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use otalusta_domain::ids::UserId;
use std::sync::Arc;
use std::time::Duration;

/// Queues a notification to `user` pointing at `link` (a path).
pub async fn enqueue(tx: &mut Tx, user: UserId, kind: &str, link: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO notifications (user_id, kind, link, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user.0)
    .bind(kind)
    .bind(link)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The message of one notification: generic words and the link.
pub fn compose(i18n: &I18n, lang: Lang, base_url: &str, link: &str) -> (String, String) {
    let url = format!("{}{link}", base_url.trim_end_matches('/'));
    (
        i18n.t(lang, "mail-subject", &[]),
        i18n.t(lang, "mail-body", &[("link", url.into())]),
    )
}

/// Sends pending notifications until the task is dropped.
pub async fn run(db: Db, i18n: Arc<I18n>, base_url: String, smtp_url: String, from: String) {
    let transport = match AsyncSmtpTransport::<Tokio1Executor>::from_url(&smtp_url) {
        Ok(b) => b.timeout(Some(Duration::from_secs(20))).build(),
        Err(e) => {
            tracing::error!(error = %e, "the SMTP URL is not valid: e-mail is off");
            return;
        }
    };
    let from: Mailbox = match from.parse() {
        Ok(m) => m,
        Err(e) => {
            tracing::error!(error = %e, "the sender address is not valid: e-mail is off");
            return;
        }
    };
    let mut tick = tokio::time::interval(Duration::from_secs(2));
    loop {
        tick.tick().await;
        if let Err(e) = send_pending(&db, &i18n, &base_url, &transport, &from).await {
            tracing::warn!(error = %e, "sending notifications failed");
        }
        // Events' e-mails to outside participants (no account).
        if let Err(e) = crate::events::mail::send_pending(&db, &transport, &from).await {
            tracing::warn!(error = %e, "sending event e-mails failed");
        }
    }
}

#[derive(sqlx::FromRow)]
struct Pending {
    link: String,
    email: String,
    locale: String,
}

async fn send_pending(
    db: &Db,
    i18n: &I18n,
    base_url: &str,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
) -> anyhow::Result<()> {
    let now = db::now();
    let until = db::timestamp(jiff::Timestamp::now() + jiff::SignedDuration::from_secs(60));
    // Claim a batch: another node skips what this one holds.
    let mut tx = db.begin().await?;
    let ids: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM notifications WHERE sent_at IS NULL AND attempts < 10 \
         AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY id LIMIT 20",
    )
    .bind(&now)
    .fetch_all(&mut *tx)
    .await?;
    for (id,) in &ids {
        sqlx::query("UPDATE notifications SET claimed_until = $1 WHERE id = $2")
            .bind(&until)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    for (id,) in ids {
        let p: Option<Pending> = sqlx::query_as(
            "SELECT n.link, u.email, u.locale FROM notifications n \
             JOIN users u ON u.id = n.user_id WHERE n.id = $1 AND u.disabled = 0",
        )
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
        let result = match &p {
            Some(p) if p.email.contains('@') => send_one(i18n, base_url, transport, from, p).await,
            _ => Err(anyhow::anyhow!("no e-mail address")),
        };
        match result {
            Ok(()) => {
                sqlx::query("UPDATE notifications SET sent_at = $1, last_error = '' WHERE id = $2")
                    .bind(db::now())
                    .bind(id)
                    .execute(db.pool())
                    .await?;
                tracing::info!(notification = id, "notification sent");
            }
            Err(e) => {
                // The error names no address or content.
                tracing::warn!(notification = id, error = %e, "notification not sent");
                sqlx::query(
                    "UPDATE notifications SET attempts = attempts + 1, last_error = $1, \
                     claimed_until = NULL WHERE id = $2",
                )
                .bind(e.to_string().chars().take(200).collect::<String>())
                .bind(id)
                .execute(db.pool())
                .await?;
            }
        }
    }
    Ok(())
}

async fn send_one(
    i18n: &I18n,
    base_url: &str,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    p: &Pending,
) -> anyhow::Result<()> {
    let lang = p.locale.parse().unwrap_or_default();
    let (subject, body) = compose(i18n, lang, base_url, &p.link);
    let to: Mailbox = p.email.parse()?;
    let msg = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)?;
    transport.send(msg).await?;
    Ok(())
}
