//! The article model: every accepted form, offsets into the file on disk, title,
//! date, source and language derivation, and properties over arbitrary input.

#[path = "support/kit.rs"]
mod kit;
use glose::{Article, Block, BlockKind, Language};
use proptest::prelude::*;
use std::path::Path;

fn parse(text: &str) -> Article {
    Article::from_text("dir/some-file.txt", text.to_string())
}

/// Each block's kind and shown text.
fn shown(a: &Article) -> Vec<(BlockKind, String)> {
    a.blocks
        .iter()
        .map(|b| (b.kind, b.display(&a.text).text))
        .collect()
}

/// Each block's pieces, as the file's text.
fn pieces<'a>(a: &'a Article, b: &Block) -> Vec<&'a str> {
    b.pieces.iter().map(|p| &a.text[p.clone()]).collect()
}

use BlockKind::{Caption, Heading, Paragraph};

fn s(kind: BlockKind, text: &str) -> (BlockKind, String) {
    (kind, text.to_string())
}

/// What must hold for any input.
fn check_invariants(a: &Article) {
    assert!(!a.title.trim().is_empty(), "empty title");
    let t = &a.text;
    let mut prev_end = 0;
    for b in &a.blocks {
        assert!(
            b.range.start <= b.range.end && b.range.end <= t.len(),
            "{b:?}"
        );
        assert!(
            t.is_char_boundary(b.range.start) && t.is_char_boundary(b.range.end),
            "{b:?}"
        );
        assert!(b.range.start >= prev_end, "blocks overlap: {b:?}");
        prev_end = b.range.end;
        assert!(!b.pieces.is_empty(), "{b:?}");
        let mut at = b.range.start;
        for p in &b.pieces {
            assert!(
                p.start >= at && p.start < p.end && p.end <= b.range.end,
                "{b:?}"
            );
            assert!(
                t.is_char_boundary(p.start) && t.is_char_boundary(p.end),
                "{b:?}"
            );
            let piece = &t[p.clone()];
            assert!(
                !piece.contains(['\n', '\r']),
                "piece spans a line break: {b:?}"
            );
            at = p.end;
        }
        let body = &t[b.range.clone()];
        assert_eq!(
            body,
            body.trim(),
            "range has surrounding blank space: {b:?}"
        );
        assert!(!has_blank_line(body), "block spans a blank line: {b:?}");
        assert!(!b.display(t).text.trim().is_empty(), "empty block: {b:?}");
    }
}

fn has_blank_line(s: &str) -> bool {
    s.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .any(|l| l.trim().is_empty())
}

// ---------------------------------------------------------------- the seed

fn seed() -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles/poutine-kirghizstan.txt");
    Article::load(&path).expect("the seed article")
}

#[test]
fn seed_date_and_first_block() {
    let a = seed();
    assert_eq!(a.date.as_deref(), Some("2023-10"));
    let first = &a.blocks[0];
    assert_eq!(first.kind, Paragraph);
    assert_eq!(first.range.start, 14);
    assert_eq!(first.pieces[0].start, 14);
    assert!(a.text[first.pieces[0].clone()].starts_with("Vladimir Poutine a prôné jeudi"));
    assert_eq!(a.language, Language::Fr);
    check_invariants(&a);
}

#[test]
fn seed_headings_and_caption() {
    let a = seed();
    let headings: Vec<String> = shown(&a)
        .into_iter()
        .filter(|b| b.0 == Heading)
        .map(|b| b.1)
        .collect();
    assert_eq!(
        headings,
        [
            "Evénement rare",
            "Sommet vendredi",
            "Contournement des sanctions"
        ]
    );
    let captions: Vec<String> = shown(&a)
        .into_iter()
        .filter(|b| b.0 == Caption)
        .map(|b| b.1)
        .collect();
    assert_eq!(
        captions,
        ["Vladimir Poutine doit s'entretenir jeudi avec ses homologues azerbaïdjanais et kirghiz. IMAGO/SNA"]
    );
    assert_eq!(a.blocks[1].kind, Caption);
}

#[test]
fn seed_title_is_a_lede_clause() {
    let a = seed();
    assert_eq!(
        a.title,
        "Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement des liens militaires…"
    );
    assert!(!a.title.contains("date"));
}

#[test]
fn date_line_variants() {
    let a = parse("date 2023-10-05 Le texte commence ici.\n\nSuite.\n");
    assert_eq!(a.date.as_deref(), Some("2023-10-05"));
    assert_eq!(a.blocks[0].range, 16..38);
    assert_eq!(shown(&a)[0], s(Paragraph, "Le texte commence ici."));
    // The date alone on its line: the first paragraph is the next line, and it is
    // a lede (not a headline) even when it is short and unpunctuated.
    let a = parse(" date 2023\nUn début sans point\n\nLa suite du texte, avec un point.\n");
    assert_eq!(a.date.as_deref(), Some("2023"));
    assert_eq!(a.blocks[0].kind, Paragraph);
    assert_eq!(a.blocks[0].range.start, 11);
    assert_eq!(a.title, "Un début sans point");
}

// ---------------------------------------------------------------- headline form

const HEADLINE: &str = "Grèce: Des milliers de personnes évacuées de Rhodes\n\nATHENES (Reuters) - Des milliers de personnes ont été évacuées dimanche.\n\nLe bilan\n\nLes navires ont transporté 2.000 touristes. REUTERS/Alkis Konstantinidis\n\nUn dernier paragraphe.\n";

#[test]
fn headline_form() {
    let a = parse(HEADLINE);
    assert_eq!(
        a.title,
        "Grèce: Des milliers de personnes évacuées de Rhodes"
    );
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.date, None);
    assert_eq!(
        shown(&a),
        [
            s(
                Heading,
                "Grèce: Des milliers de personnes évacuées de Rhodes"
            ),
            s(
                Paragraph,
                "ATHENES (Reuters) - Des milliers de personnes ont été évacuées dimanche."
            ),
            s(Heading, "Le bilan"),
            s(
                Caption,
                "Les navires ont transporté 2.000 touristes. REUTERS/Alkis Konstantinidis"
            ),
            s(Paragraph, "Un dernier paragraphe."),
        ]
    );
    assert_eq!(a.blocks[0].range, 0..HEADLINE.find('\n').unwrap());
    assert_eq!(a.blocks[1].range.start, HEADLINE.find("ATHENES").unwrap());
    check_invariants(&a);
}

#[test]
fn sentence_first_line_is_not_a_headline() {
    let a = parse("Le premier paragraphe tient sur une ligne.\n\nLe second aussi.\n");
    assert_eq!(a.blocks[0].kind, Paragraph);
    assert_eq!(a.title, "Le premier paragraphe tient sur une ligne");
}

#[test]
fn short_last_line_is_not_a_heading() {
    let a = parse("Titre\n\nUn paragraphe.\n\nAvec AFP\n");
    assert_eq!(shown(&a).last().unwrap(), &s(Paragraph, "Avec AFP"));
}

#[test]
fn hard_wrapped_paragraph_is_one_block() {
    let text = "Titre court\n\nUne ligne coupée\nà la main, puis\nune fin.\n";
    let a = parse(text);
    assert_eq!(a.blocks.len(), 2);
    let b = &a.blocks[1];
    assert_eq!(b.kind, Paragraph);
    assert_eq!(
        pieces(&a, b),
        ["Une ligne coupée", "à la main, puis", "une fin."]
    );
    assert_eq!(
        b.display(&a.text).text,
        "Une ligne coupée à la main, puis une fin."
    );
    assert_eq!(b.range, 13..text.len() - 1);
}

// ---------------------------------------------------------------- front matter

#[test]
fn front_matter_form() {
    let text = "---\ntitle: \"Le vrai titre\"\ndate: 2023-10-12T08:00:00Z\nsource: AFP\nurl: https://example.org/a\nauthor: 'Jean Dupont'\ntags: [a, b]\n---\n\nUn titre de tête\n\nLe corps du texte.\n";
    let a = parse(text);
    assert_eq!(a.title, "Le vrai titre");
    assert_eq!(a.date.as_deref(), Some("2023-10-12"));
    assert_eq!(a.source.as_deref(), Some("AFP"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(a.author.as_deref(), Some("Jean Dupont"));
    // The headline keeps a Heading block (for its offsets), the front matter is none.
    assert_eq!(
        shown(&a),
        [
            s(Heading, "Un titre de tête"),
            s(Paragraph, "Le corps du texte.")
        ]
    );
    assert_eq!(a.blocks[0].range.start, text.find("Un titre").unwrap());
    check_invariants(&a);
}

#[test]
fn front_matter_then_seed_form() {
    let a = parse("---\ntitle: T\n---\n date 2023-10 Le texte.\n");
    assert_eq!(a.date.as_deref(), Some("2023-10"));
    assert_eq!(shown(&a), [s(Paragraph, "Le texte.")]);
}

#[test]
fn front_matter_date_wins_and_odd_dates_are_kept() {
    let a = parse("---\ndate: 2023-10\n---\n date 2022-01 Texte.\n");
    assert_eq!(a.date.as_deref(), Some("2023-10"));
    let a = parse("---\ndate: 12 octobre 2023\n---\nTexte.\n");
    assert_eq!(a.date.as_deref(), Some("12 octobre 2023"));
}

#[test]
fn a_rule_is_not_front_matter_when_prose_follows() {
    let a = parse("---\nUne phrase de texte.\n\n---\nSuite.\n");
    assert_eq!(
        shown(&a),
        [s(Paragraph, "Une phrase de texte."), s(Paragraph, "Suite.")]
    );
    // Directly under a line, `---` underlines a (setext) heading, as in Markdown.
    let a = parse("Texte\n\nUne phrase.\n---\nSuite.\n");
    assert_eq!(a.blocks[1].kind, Heading);
}

#[test]
fn language_from_front_matter() {
    let a = parse("---\nlang: en\n---\nLe texte est en français.\n");
    assert_eq!(a.language, Language::En);
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_form() {
    let text = "# Le *grand* titre\n\nUn paragraphe **gras**, _penché_ et `code`, avec [un lien](https://x.org/a_(b)).\n\n## Une section ##\n\n> Une citation\n> sur deux lignes\n\n- premier point\n* second point\n";
    let a = parse(text);
    assert_eq!(a.title, "Le grand titre");
    assert_eq!(
        shown(&a),
        [
            s(Heading, "Le grand titre"),
            s(
                Paragraph,
                "Un paragraphe gras, penché et code, avec un lien."
            ),
            s(Heading, "Une section"),
            s(Paragraph, "Une citation sur deux lignes"),
            s(Paragraph, "premier point"),
            s(Paragraph, "second point"),
        ]
    );
    assert_eq!(pieces(&a, &a.blocks[0]), ["Le ", "grand", " titre"]);
    assert_eq!(a.blocks[0].range, 0..18);
    assert_eq!(a.blocks[0].pieces[0], 2..5);
    assert_eq!(
        pieces(&a, &a.blocks[1]),
        [
            "Un paragraphe ",
            "gras",
            ", ",
            "penché",
            " et ",
            "code",
            ", avec ",
            "un lien",
            "."
        ]
    );
    assert_eq!(
        pieces(&a, &a.blocks[3]),
        ["Une citation", "sur deux lignes"]
    );
    check_invariants(&a);
}

#[test]
fn markdown_title_later_in_the_file() {
    let a = parse("Ceci est une phrase d'introduction.\n\n# Le titre\n\nTexte.\n");
    assert_eq!(a.title, "Le titre");
    let a = parse("Titre souligné\n==============\n\nTexte.\n");
    assert_eq!(a.title, "Titre souligné");
    assert_eq!(a.blocks[0].kind, Heading);
}

#[test]
fn unpaired_markers_are_text() {
    let a = parse("Un prix* de 5 * 3 euros, une variable snake_case_name.\n");
    assert_eq!(
        shown(&a)[0].1,
        "Un prix* de 5 * 3 euros, une variable snake_case_name."
    );
    assert_eq!(a.blocks[0].pieces.len(), 1);
}

#[test]
fn markup_only_lines_make_no_block() {
    let a = parse("#\n\n***\n\n[](x)\n\nTexte.\n");
    assert_eq!(shown(&a), [s(Paragraph, "Texte.")]);
}

// ---------------------------------------------------------------- bytes on disk

#[test]
fn crlf_and_bom_point_at_the_same_bytes() {
    let lf = "Titre de l'article\n\nPremier paragraphe,\ncoupé à la main.\n\nIntertitre\n\nDernier paragraphe. AFP\n";
    let crlf = lf.replace('\n', "\r\n");
    let bom_crlf = format!("\u{feff}{crlf}");
    let (a, b, c) = (parse(lf), parse(&crlf), parse(&bom_crlf));
    assert_eq!(shown(&a), shown(&b));
    assert_eq!(shown(&a), shown(&c));
    assert_eq!(a.title, c.title);
    // Each piece of the CRLF file lies where the same bytes are: shifted by one
    // byte per earlier line break, and by three more for the BOM.
    for ((x, y), z) in a.blocks.iter().zip(&b.blocks).zip(&c.blocks) {
        for ((p, q), r) in x.pieces.iter().zip(&y.pieces).zip(&z.pieces) {
            let breaks = lf[..p.start].matches('\n').count();
            assert_eq!(q.start, p.start + breaks);
            assert_eq!(r.start, q.start + 3);
            assert_eq!(&lf[p.clone()], &crlf[q.clone()]);
            assert_eq!(&lf[p.clone()], &bom_crlf[r.clone()]);
        }
    }
    assert_eq!(c.blocks[0].range.start, 3);
    check_invariants(&c);
}

#[test]
fn bom_before_the_seed_date_line() {
    let a = parse("\u{feff} date 2023-10 Vladimir Poutine est arrivé.\n");
    assert_eq!(a.date.as_deref(), Some("2023-10"));
    assert_eq!(a.blocks[0].range.start, 17);
}

#[test]
fn lone_cr_line_endings() {
    let a = parse("Titre\r\rUne ligne\rcoupée.\r");
    assert_eq!(
        shown(&a),
        [s(Heading, "Titre"), s(Paragraph, "Une ligne coupée.")]
    );
}

#[test]
fn tabs_trailing_spaces_blank_runs_and_no_final_newline() {
    let text = "\n\n  \n\tTitre  \t\n \n\n\n\n\tUn paragraphe  \n\tsur deux lignes.\t \n\n\n\nFin du texte.";
    let a = parse(text);
    assert_eq!(
        shown(&a),
        [
            s(Heading, "Titre"),
            s(Paragraph, "Un paragraphe sur deux lignes."),
            s(Paragraph, "Fin du texte."),
        ]
    );
    assert_eq!(a.blocks[0].range, 6..11);
    assert_eq!(
        &text[a.blocks[1].range.clone()],
        "Un paragraphe  \n\tsur deux lignes."
    );
    assert_eq!(a.blocks[2].range.end, text.len());
    check_invariants(&a);
}

// ---------------------------------------------------------------- title and language

#[test]
fn title_precedence() {
    let md = "# Titre markdown\n\nTexte.\n";
    let headline = "Titre de tête\n\n# Titre markdown\n\nTexte.\n";
    assert_eq!(
        parse(&format!("---\ntitle: Méta\n---\n{headline}")).title,
        "Méta"
    );
    assert_eq!(parse(headline).title, "Titre de tête");
    assert_eq!(parse(md).title, "Titre markdown");
    assert_eq!(parse("Une phrase, puis une autre, qui ne tiennent pas dans les quatre-vingts colonnes du terminal.").title,
        "Une phrase, puis une autre, qui ne tiennent pas dans les quatre-vingts colonnes du…");
    assert_eq!(parse(" date 2023-10\n").title, "some-file");
    assert_eq!(Article::from_text("-", "***\n".into()).title, "untitled");
    // An empty metadata title falls through.
    assert_eq!(
        parse("---\ntitle: \"\"\n---\nUn texte.\n").title,
        "Un texte"
    );
}

#[test]
fn lede_clause_stops_at_a_sentence_or_clause() {
    assert_eq!(
        parse("Le jury a rendu son verdict. Il a distribué les prix ce samedi soir à Cannes.")
            .title,
        "Le jury a rendu son verdict"
    );
    assert_eq!(
        parse("Comme attendu, l'Assemblée nationale a rejeté, mardi 8 octobre, la motion de censure déposée par la gauche.").title,
        "Comme attendu, l'Assemblée nationale a rejeté, mardi 8 octobre"
    );
    assert_eq!(
        parse("Arrivé à Bichkek, M. Poutine a parlé. Puis il est reparti.").title,
        "Arrivé à Bichkek, M. Poutine a parlé"
    );
}

#[test]
fn language_vote() {
    assert_eq!(
        parse("Le président a dit qu'il ne viendrait pas à la réunion.").language,
        Language::Fr
    );
    assert_eq!(
        parse("The president said that he would not attend the meeting.").language,
        Language::En
    );
    assert_eq!(parse("Tokyo Osaka Kyoto").language, Language::Fr);
    let en = "Heavy rain\n\nThe storm hit the coast on Monday, and officials said it was one of the worst in years.\n";
    assert_eq!(parse(en).language, Language::En);
}

// ---------------------------------------------------------------- robustness

#[test]
fn nasty_inputs_do_not_panic() {
    for t in [
        "",
        "\u{feff}",
        "\r",
        "\n\n\r\n",
        "---",
        "---\n",
        "---\n---",
        "#",
        "# ",
        "**",
        "`",
        "``",
        "[",
        "](",
        "[a](",
        "date",
        "date 2023-10",
        " date 2023-10 ",
        "date 2023-10\u{e9}",
        "\u{feff}date 2023-10 é",
        "é",
        "😀**😀**😀",
        "> ",
        ">",
        "- ",
        "*",
        "_",
        "\\",
        "\\*",
        "![",
        "!",
        "[x](y",
        "a]()",
        "\u{feff}---\ntitle: 😀\n---",
        "===\n",
        "Titre\n---\n",
        "x. IMAGO/SNA",
        "(A) -",
        "É (É) — É",
    ] {
        check_invariants(&parse(t));
    }
}

#[test]
fn pathological_markup_stays_linear() {
    // Quadratic matching would take minutes on these; linear takes milliseconds.
    let n = 200_000;
    for unit in [
        "*a ", "_", "`", "``a", "[", "](", "]((x)", "[a](b", "](((((", "a)](", "**", "\\",
    ] {
        let t = format!("Titre\n\n{}\n", unit.repeat(n / unit.len()));
        check_invariants(&parse(&t));
    }
}

#[test]
fn big_file_parses() {
    let para =
        "Vladimir Poutine a prôné jeudi au Kirghizstan un **renforcement** des liens militaires.\n";
    let t = format!(
        " date 2023-10 {}",
        format!("{para}\nIntertitre\n\n").repeat(20_000)
    );
    let a = parse(&t);
    assert_eq!(a.blocks.len(), 40_000);
    check_invariants(&a);
}

// ---------------------------------------------------------------- the shared corpus

#[test]
fn every_shared_article_parses() {
    let Some(dir) = kit::shared("articles", "every_shared_article_parses") else {
        return;
    };
    let entries = std::fs::read_dir(&dir).unwrap();
    let mut n = 0;
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let a = Article::load(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let first = a
            .blocks
            .first()
            .unwrap_or_else(|| panic!("{}: no block", path.display()));
        assert!(
            !first.display(&a.text).text.trim().is_empty(),
            "{}",
            path.display()
        );
        check_invariants(&a);
        n += 1;
    }
    assert!(n > 0, "no article in {}", dir.display());
}

// ---------------------------------------------------------------- properties

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Zéà ]{0,12}",
        1 => any::<char>().prop_map(String::from),
        4 => prop::sample::select(vec![
            "\r\n", "\n", "\r", "\n\n", "---", "---\n", "#", "## ", "*", "**", "_", "__", "`", "[", "](", ")",
            "![", "\\", "> ", "- ", "* ", " date 2023-10 ", "date 2023-10-05", "title: x\n", "é", "😀", "\u{feff}",
            "\t", " ", ". ", "IMAGO/SNA", "AFP", " (Reuters) - ", "«", "»", "…", "===",
        ])
        .prop_map(String::from),
    ]
}

fn article_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(fragment(), 0..60).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_offsets_hold(text in article_text()) {
        check_invariants(&parse(&text));
    }

    #[test]
    fn crlf_changes_no_shown_text(text in prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())) {
        let lf = text.replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        let (a, b) = (parse(&lf), parse(&crlf));
        prop_assert_eq!(shown(&a), shown(&b));
        prop_assert_eq!(a.title, b.title);
        prop_assert_eq!(a.date, b.date);
    }

    #[test]
    fn a_bom_shifts_offsets_by_three(text in article_text()) {
        prop_assume!(!text.starts_with('\u{feff}'));
        let a = parse(&text);
        let b = parse(&format!("\u{feff}{text}"));
        prop_assert_eq!(a.blocks.len(), b.blocks.len());
        for (x, y) in a.blocks.iter().zip(&b.blocks) {
            prop_assert_eq!(x.range.start + 3, y.range.start);
            let shifted: Vec<_> = x.pieces.iter().map(|p| p.start + 3..p.end + 3).collect();
            prop_assert_eq!(&shifted, &y.pieces);
        }
    }
}
