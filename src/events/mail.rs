//! The e-mails of events. A signed-in participant gets a notification
//! (`notify`: generic words and a link, like every other); an outside
//! participant, who has no account, gets an e-mail composed here in her
//! language with the event's public facts and her link (confirm or
//! cancel), queued in `event_mails` in the same transaction as the change
//! it tells of and sent by the notification sender ([`send_pending`]).

use super::store::{self, Event, Registration};
use crate::core::db::{self, Db, Tx};
use crate::core::i18n::Lang;
use crate::core::web::AppState;
use lettre::message::{Mailbox, Message, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use otalusta_domain::ids::UserId;

/// What an e-mail tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The confirmation link of an outside sign-up.
    Confirm,
    /// The address was registered already: its cancel link.
    Already,
    /// Confirmed: a seat (with the cancel link).
    Registered,
    /// Confirmed onto the waitlist (with the cancel link).
    Waitlisted,
    /// Moved up from the waitlist.
    Promoted,
    /// The reminder a day before.
    Reminder,
    /// The event was cancelled.
    EventCancelled,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Confirm => "confirm",
            Kind::Already => "already",
            Kind::Registered => "registered",
            Kind::Waitlisted => "waitlisted",
            Kind::Promoted => "promoted",
            Kind::Reminder => "reminder",
            Kind::EventCancelled => "cancelled",
        }
    }
}

/// Tells `reg` of `ev` about `kind`: a notification to an account, an
/// e-mail to an outside participant. `link` is the outside participant's
/// path (a confirm or cancel link); accounts get the event's page.
pub async fn tell(
    state: &AppState,
    tx: &mut Tx,
    reg: &Registration,
    ev: &Event,
    kind: Kind,
    link: Option<&str>,
) -> anyhow::Result<()> {
    let page = format!("/events/{}", ev.id);
    if let Some(user) = reg.user_id {
        crate::notify::enqueue(tx, UserId(user), &format!("event-{}", kind.key()), &page).await?;
        return Ok(());
    }
    let Some(email) = reg.email.as_deref() else {
        return Ok(());
    };
    let lang: Lang = reg.locale.parse().unwrap_or_default();
    let base = state.config.base_url.trim_end_matches('/');
    let url = format!("{base}{}", link.unwrap_or(&page));
    let args = [
        ("title", ev.title.clone().into()),
        ("when", super::when(lang, ev).into()),
        ("link", url.into()),
        ("page", format!("{base}{page}").into()),
    ];
    let subject = state
        .i18n
        .t(lang, &format!("events-mail-{}-subject", kind.key()), &args);
    let body = state
        .i18n
        .t(lang, &format!("events-mail-{}-body", kind.key()), &args);
    store::queue_mail(tx, email, kind.key(), &subject, &body).await?;
    Ok(())
}

/// Sends pending outside e-mails (called by the notification sender):
/// claimed for a minute like notifications, so nodes share the work; the
/// body (it holds links) is emptied once sent. Nothing of the address or
/// the content goes to tracing.
pub async fn send_pending(
    db: &Db,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
) -> anyhow::Result<()> {
    let now = db::now();
    // Longer than a batch can take (20 e-mails × the 20 s SMTP time-out),
    // so no other node takes one while it is being sent.
    let until = db::timestamp(jiff::Timestamp::now() + jiff::SignedDuration::from_mins(15));
    let mut tx = db.begin().await?;
    let ids: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM event_mails WHERE sent_at IS NULL AND attempts < 10 \
         AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY id LIMIT 20",
    )
    .bind(&now)
    .fetch_all(&mut *tx)
    .await?;
    let mut claimed = Vec::new();
    for (id,) in &ids {
        // Claimed only if still free: another node may have claimed it
        // since the SELECT (PostgreSQL runs writers side by side).
        let n = sqlx::query(
            "UPDATE event_mails SET claimed_until = $1 WHERE id = $2 AND sent_at IS NULL \
             AND (claimed_until IS NULL OR claimed_until < $3)",
        )
        .bind(&until)
        .bind(id)
        .bind(&now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 1 {
            claimed.push(*id);
        }
    }
    tx.commit().await?;
    for id in claimed {
        let m: Option<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT to_email, subject, body, list_unsubscribe FROM event_mails WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
        let Some((to, subject, body, unsubscribe)) = m else {
            continue;
        };
        let result = async {
            let to: Mailbox = to.parse()?;
            let mut builder = Message::builder()
                .from(from.clone())
                .to(to)
                .subject(subject)
                .header(ContentType::TEXT_PLAIN);
            if let Some(url) = unsubscribe {
                // RFC 8058: mail programs offer "unsubscribe" and POST it.
                builder = builder
                    .header(ListUnsubscribe(format!("<{url}>")))
                    .header(ListUnsubscribePost);
            }
            let msg = builder.body(body)?;
            transport.send(msg).await?;
            anyhow::Ok(())
        }
        .await;
        match result {
            Ok(()) => {
                sqlx::query(
                    "UPDATE event_mails SET sent_at = $1, body = '', last_error = '' WHERE id = $2",
                )
                .bind(db::now())
                .bind(id)
                .execute(db.pool())
                .await?;
                tracing::info!(event_mail = id, "event e-mail sent");
            }
            Err(e) => {
                // A parse error could quote the address: only its kind is kept.
                let reason = if e.downcast_ref::<lettre::address::AddressError>().is_some() {
                    "invalid address".to_owned()
                } else {
                    e.to_string().chars().take(200).collect()
                };
                tracing::warn!(event_mail = id, error = %reason, "event e-mail not sent");
                sqlx::query(
                    "UPDATE event_mails SET attempts = attempts + 1, last_error = $1, \
                     claimed_until = NULL WHERE id = $2",
                )
                .bind(reason)
                .bind(id)
                .execute(db.pool())
                .await?;
            }
        }
    }
    Ok(())
}

/// `List-Unsubscribe: <https://…>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_owned()))
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl lettre::message::header::Header for ListUnsubscribePost {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".into())
    }
}
