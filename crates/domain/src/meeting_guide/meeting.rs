//! One entry of the Meeting Guide JSON feed (the open format recovery-meeting apps read,
//! maintained by Code for Recovery as "the Meeting Guide API"). Optional fields that do not
//! apply are left out, as the format asks.

/// A weekly meeting: one group, one day of the week.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Meeting {
    pub name: String,
    /// Unique in the feed and stable: the schedule's id and the day.
    pub slug: String,
    /// 0 = Sunday … 6 = Saturday.
    pub day: u32,
    /// Local start, `HH:MM` 24-hour, in `timezone`.
    pub time: String,
    pub end_time: String,
    /// IANA time zone of the group.
    pub timezone: String,
    /// Meeting type codes: `ONL` for online and hybrid groups, the language's code, then
    /// audiences (`W`, `M`, `LGBTQ`, `Y`, `SEN`) and `DD` for co-occurring focus.
    pub types: Vec<&'static str>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The group's public page on this server.
    pub url: String,
    /// Building or site name, for in-person and hybrid groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formatted_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Decimal degrees, five places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// `"no"`: in-person addresses are street addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate: Option<&'static str>,
    /// For online and hybrid groups: the group's page (where to ask to join) until live
    /// rooms have links of their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conference_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conference_url_notes: Option<String>,
    /// The organization that runs the group.
    pub entity: String,
    /// UTC, `YYYY-MM-DD HH:MM:SS`: the newest of the group's, location's and schedule's
    /// creation (Kindred keeps no edit time yet).
    pub updated: String,
}
