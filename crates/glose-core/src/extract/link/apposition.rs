//! Two organization names in apposition ("X, l'Y") are one organization.

use super::{join, Group};
use crate::extract::merge::Names;
use crate::EntityKind;

pub fn link(names: &Names, groups: &mut [Group]) {
    for m in 1..names.len() {
        if !names[m].apposition {
            continue;
        }
        let (g, prev) = (names[m].key as usize, names[m - 1].key as usize);
        let org = |g: usize| groups[g].kind() == Some(EntityKind::Organization);
        if g != prev
            && org(g)
            && org(prev)
            && groups[g].into.is_none()
            && groups[prev].into.is_none()
        {
            let why = format!("in apposition to \"{}\"", groups[prev].key);
            join(groups, g, prev, why);
        }
    }
}
