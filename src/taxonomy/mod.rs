//! Ilmiöt: the shared taxonomy of phenomena that groups take and experts
//! know about. Coordinators maintain it; the seed fills in what is missing.

pub mod store;
