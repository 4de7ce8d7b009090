//! When entities of different articles are the same entity.
//!
//! Every entity of an article has names: its own and the forms the article
//! mentions it by. Each folds (case, accents, typographic apostrophes) to a key.
//! A key is *strong* when it names the entity on its own: the entity's name, or a
//! form that is not just a part of it. "Poutine" in an article that also says
//! "Vladimir Poutine" is a lone surname there: a *weak* key, which finds the
//! article when asked for but never joins the entity to other articles' "Poutine"
//! or to another full name (a "Trump" alone would join Donald and Melania).
//! Entities of the same kind that share a strong key are one entity across the
//! library.

use crate::{Entity, EntityKind};
use std::collections::HashMap;

/// A name folded for comparison: lowercase, no accents, plain apostrophes and
/// hyphens, spaces collapsed.
pub fn fold_name(name: &str) -> String {
    let folded = crate::extract::lexicon::fold(name);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// One name of an entity in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// As the article writes it (spaces collapsed).
    pub text: String,
    pub key: String,
    pub strong: bool,
}

/// The names of `entity` in `text` (the article's text): its name first, then
/// the other forms of its mentions in order of first use.
pub fn aliases(entity: &Entity, text: &str) -> Vec<Alias> {
    let name_key = fold_name(&entity.name);
    let name_words = words(&name_key);
    let mut out = vec![Alias {
        text: collapse(&entity.name),
        key: name_key.clone(),
        strong: true,
    }];
    for m in &entity.mentions {
        let form = collapse(m.text(text));
        let key = fold_name(&form);
        if key.is_empty() || out.iter().any(|a| a.key == key) {
            continue;
        }
        let form_words = words(&key);
        // A part of the name ("Poutine" of "Vladimir Poutine") is weak; an
        // acronym or another full form ("ONU", "Nations unies") is strong.
        let part = !form_words.is_empty()
            && form_words.len() < name_words.len()
            && form_words.iter().all(|w| name_words.contains(w));
        out.push(Alias {
            text: form,
            key,
            strong: !part,
        });
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Groups article entities into library entities: `nodes[i]` is the kind and
/// strong keys of the i-th article entity; the result gives each its group
/// (the smallest index in the group).
pub fn group(nodes: &[(EntityKind, Vec<&str>)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: HashMap<(EntityKind, &str), usize> = HashMap::new();
    for (i, (kind, keys)) in nodes.iter().enumerate() {
        for key in keys {
            match first.get(&(*kind, *key)) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
                None => {
                    first.insert((*kind, key), i);
                }
            }
        }
    }
    (0..nodes.len()).map(|i| find(&mut parent, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mention;

    fn entity(text: &str, name: &str, forms: &[&str]) -> Entity {
        let mentions = forms
            .iter()
            .map(|f| {
                let start = text.find(f).unwrap();
                Mention::new(start, start + f.len())
            })
            .collect();
        Entity {
            id: "e1".into(),
            kind: EntityKind::Person,
            name: name.into(),
            mentions,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn names_fold_case_accents_and_spaces() {
        assert_eq!(fold_name("Élisabeth  BORNE"), "elisabeth borne");
        assert_eq!(fold_name("Côte d’Ivoire"), "cote d'ivoire");
    }

    #[test]
    fn a_lone_surname_is_weak_an_acronym_strong() {
        let text = "Vladimir Poutine a parlé. Poutine a ri. POUTINE encore.";
        let e = entity(
            text,
            "Vladimir Poutine",
            &["Vladimir Poutine", "Poutine", "POUTINE"],
        );
        let a = aliases(&e, text);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!((a[0].key.as_str(), a[0].strong), ("vladimir poutine", true));
        assert_eq!((a[1].key.as_str(), a[1].strong), ("poutine", false));

        let text = "Les Nations unies (ONU) ont voté.";
        let mut e = entity(text, "Nations unies", &["Nations unies", "ONU"]);
        e.kind = EntityKind::Organization;
        let a = aliases(&e, text);
        assert!(a[1].strong && a[1].key == "onu", "{a:?}");
    }

    #[test]
    fn strong_keys_join_same_kind_only() {
        use EntityKind::*;
        let nodes = vec![
            (Person, vec!["vladimir poutine"]),
            (Person, vec!["poutine"]),
            (Person, vec!["vladimir poutine", "v. poutine"]),
            (Place, vec!["poutine"]),
            (Person, vec!["v. poutine"]),
        ];
        assert_eq!(group(&nodes), vec![0, 1, 0, 3, 0]);
    }
}
