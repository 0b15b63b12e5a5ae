//! Quantities: exact rationals, units, amounts and how they are written for a cook.

pub mod amount;
pub mod format;
pub mod measure;
pub mod ratio;
pub mod unit;

pub use amount::Qty;
pub use ratio::Ratio;
pub use unit::{System, Unit};
