//! When an entity was in the news: articles per month as a sparkline, drawn the
//! same way by the command line and the reader.

/// Every month from `first` to `last` (`YYYY-MM`, inclusive); empty when
/// either is not a month or `last` is before `first`.
pub fn months(first: &str, last: &str) -> Vec<String> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        let (y, mo) = m.split_once('-')?;
        let (y, mo) = (y.parse().ok()?, mo.parse().ok()?);
        (1..=12).contains(&mo).then_some((y, mo))
    };
    let (Some(mut at), Some(end)) = (parse(first), parse(last)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while at <= end && out.len() < 12 * 200 {
        out.push(format!("{:04}-{:02}", at.0, at.1));
        at = if at.1 == 12 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    out
}

/// One character a month of `axis`: `·` for none, then `▁`…`█` by the count
/// relative to the entity's busiest month.
pub fn sparkline(counts: &[(String, usize)], axis: &[String]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = counts
        .iter()
        .filter(|(m, _)| axis.contains(m))
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    axis.iter()
        .map(|m| {
            let n = counts.iter().find(|(c, _)| c == m).map_or(0, |(_, n)| *n);
            if n == 0 {
                '·'
            } else {
                BARS[((n * BARS.len()).div_ceil(max)).clamp(1, BARS.len()) - 1]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_span_years() {
        assert_eq!(
            months("2023-11", "2024-02"),
            ["2023-11", "2023-12", "2024-01", "2024-02"]
        );
        assert!(months("2024-02", "2023-11").is_empty());
        assert!(months("x", "2023-11").is_empty());
    }

    #[test]
    fn sparklines_scale_to_the_busiest_month() {
        let axis = months("2024-01", "2024-04");
        let counts = vec![("2024-01".to_string(), 1), ("2024-03".to_string(), 4)];
        assert_eq!(sparkline(&counts, &axis), "▂·█·");
        assert_eq!(sparkline(&[], &axis), "····");
    }
}
