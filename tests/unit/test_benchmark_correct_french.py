"""The correct-French reader of benchmarks/real_errors.py, on small manuals written for the test."""

from __future__ import annotations

import bz2
import struct
from pathlib import Path

import pytest
from benchmark_helpers import load_script

real_errors = load_script("real_errors")

PROSE = "Le système Debian offre un ensemble cohérent de paquets pour les utilisateurs."
COMMAND = "Lancez la commande apt-get install avec le nom du paquet dans le terminal."


def _page(folder: Path, name: str, *paragraphs: str) -> Path:
    page = folder / name
    page.write_text("<html><body>" + "".join(f"<p>{text}</p>" for text in paragraphs) + "</body></html>",
                    encoding="utf-8")
    return page


def test_a_manual_s_prose_paragraphs_give_its_sentences(tmp_path: Path) -> None:
    _page(tmp_path, "a.html", PROSE, f"Voir <code>apt</code>. {PROSE}", "Short one.")
    assert real_errors.french_sentences(tmp_path) == [PROSE]


def test_a_kde_handbook_is_read_from_its_compressed_page(tmp_path: Path) -> None:
    """KDE ships each handbook's pages as one bzip2-compressed HTML file, ``index.cache.bz2``, in a folder of its
    own; the prose of every handbook under the folder given is read."""
    second = "Chaque joueur déplace à son tour une de ses pièces sur le plateau de jeu."
    for name, text in (("kpat", PROSE), ("knights", second)):
        folder = tmp_path / name
        folder.mkdir()
        html = f"<html><body><p>{text}</p><p>Voir <code>kpat</code>.</p></body></html>"
        (folder / "index.cache.bz2").write_bytes(bz2.compress(html.encode("utf-8")))
    assert real_errors.french_sentences(tmp_path) == [second, PROSE]


def test_a_link_to_nothing_among_the_pages_is_passed_over(tmp_path: Path) -> None:
    """Debian's manuals ship links to pages of other packages: one that leads nowhere is no page to read."""
    (tmp_path / "gone.html").symlink_to(tmp_path / "missing" / "translators.html")
    (tmp_path / "folder.html").mkdir()
    _page(tmp_path, "b.html", PROSE)
    assert real_errors.french_sentences(tmp_path) == [PROSE]


def test_a_text_file_gives_one_sentence_a_line(tmp_path: Path) -> None:
    sentences = tmp_path / "french.txt"
    sentences.write_text(f"{PROSE}\n\n{COMMAND}\n", encoding="utf-8")
    assert real_errors.french_sentences(sentences) == [PROSE, COMMAND]


def test_a_missing_path_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["real_errors.py", "--french", str(tmp_path / "nope")])
    with pytest.raises(SystemExit) as stop:
        real_errors.main()
    assert stop.value.code == 2
    assert "no such file or folder of correct French" in capsys.readouterr().err


def test_several_paths_are_read_in_turn_and_a_leave_out_set_is_left_out(tmp_path: Path) -> None:
    other = "Les paquets binaires dépendent des bibliothèques que le système installe."
    third = "La distribution stable reçoit les mises à jour de sécurité pendant des années."
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(f"{PROSE}\n{other}\n", encoding="utf-8")
    second.write_text(f"{other}\n{third}\n", encoding="utf-8")
    assert real_errors.french_set([first, second]) == [PROSE, other, third]
    assert real_errors.french_set([second], leave_out=[first]) == [third]
    assert real_errors.french_set([first, second], limit=2) == [PROSE, other]


def _catalogue(path: Path, messages: dict[bytes, bytes], order: str = "<") -> Path:
    """A compiled gettext catalogue in GNU's layout: header, then the originals' and translations' tables."""
    keys = sorted(messages)
    strings = b""
    offsets: list[tuple[int, int]] = []
    start = 28 + 16 * len(keys)
    for text in [*keys, *(messages[key] for key in keys)]:
        offsets.append((len(text), start + len(strings)))
        strings += text + b"\0"
    header = struct.pack(f"{order}7I", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    tables = b"".join(struct.pack(f"{order}2I", *pair) for pair in offsets)
    path.write_bytes(header + tables + strings)
    return path


@pytest.mark.parametrize("order", ["<", ">"])
def test_a_catalogue_gives_the_prose_of_its_translations(tmp_path: Path, order: str) -> None:
    """A game's or a program's French messages: the header, plurals and messages with placeholders or markup
    (whose words are filled in at run time) are not sentences to read."""
    other = "Les orcs descendaient du nord pour ravager les villages de la frontière."
    catalogue = _catalogue(tmp_path / "game.mo", {
        b"": b"Content-Type: text/plain; charset=UTF-8\n",
        b"The system": f"{PROSE} {other}".encode(),
        b"one orc\0many orcs": b"Il reste un orc dans la caverne du nord.\0Il reste %d orcs.",
        b"$name wins": b"Le joueur $name remporte la partie avec tous les honneurs.",
        b"<b>Bold</b>": "<b>Le système</b> offre un ensemble cohérent de paquets pour les gens.".encode(),
        b"Short": b"Court.",
    }, order)
    assert real_errors.french_sentences(catalogue) == [PROSE, other]


def test_a_file_named_mo_that_is_no_catalogue_is_one_line_and_exit_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake.mo"
    fake.write_text(f"{PROSE}\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["real_errors.py", "--french", str(fake)])
    with pytest.raises(SystemExit) as stop:
        real_errors.main()
    assert stop.value.code == 2
    assert "not a compiled gettext catalogue" in capsys.readouterr().err


def _descriptions(path: Path, records: dict[str, list[str]]) -> Path:
    """A ``Translation-fr`` index as apt fetches it: one record a package, its long description indented."""
    path.write_text("\n".join(
        f"Package: {name}\nDescription-md5: {'0' * 32}\nDescription-fr: titre du paquet {name}\n"
        + "".join(f" {line}\n" for line in lines)
        for name, lines in records.items()), encoding="utf-8")
    return path


def test_package_descriptions_give_their_prose_in_an_order_drawn_from_the_names(tmp_path: Path) -> None:
    """Debian's translated package descriptions: the titles, the md5 line and paragraphs with a line indented
    further (a list, a command) are no sentences; the packages come in the order of a hash of their names."""
    second = "Les orcs descendaient du nord pour ravager les villages de la frontière."
    third = "Il affiche la configuration actuelle et l'état du processeur\u22c5: la fréquence et le niveau."
    index = _descriptions(tmp_path / "Translation-fr", {
        "alpha": [PROSE, ".", " – une liste de choses qui ne sont pas des phrases pour les lecteurs ;"],
        "beta": [second],
        "gamma": [third],
    })
    found = real_errors.french_sentences(index)
    assert sorted(found) == sorted([PROSE, second, third.replace("\u22c5", " ")])
    names = sorted(["alpha", "beta", "gamma"], key=lambda name: real_errors.hashlib.sha256(name.encode()).digest())
    by_name = {"alpha": PROSE, "beta": second, "gamma": third.replace("\u22c5", " ")}
    assert found == [by_name[name] for name in names]


@pytest.mark.parametrize("name", ["templates", "postfix.templates"])
def test_debconf_templates_give_the_prose_of_their_french_questions(tmp_path: Path, name: str) -> None:
    """A package's debconf questions: the French long descriptions, not the short question on the field's line,
    not another language's text, not a list indented further."""
    second = "Veuillez choisir le serveur de courrier que cette machine utilisera pour les envois."
    path = tmp_path / name
    path.write_text(
        "Template: postfix/main_mailer_type\nType: select\nDescription: General mail configuration type:\n"
        " Please select the mail server configuration type that best meets your needs.\n"
        "Description-fr.UTF-8: Configuration type du serveur de messagerie :\n"
        f" {PROSE}\n .\n  – une liste de choses qui ne sont pas des phrases pour les lecteurs ;\n"
        "Description-de.UTF-8: Allgemeine Art der Konfiguration:\n Bitte wählen Sie die Art der Konfiguration.\n\n"
        "Template: postfix/relayhost\nType: string\nDescription: SMTP relay host:\n"
        f"Description-fr.UTF-8: Serveur relais SMTP :\n {second}\n", encoding="utf-8")
    assert real_errors.french_sentences(path) == [PROSE, second]


def test_skip_sets_aside_the_first_sentences(tmp_path: Path) -> None:
    """A third set from a large source: the sentences after the first ``skip``, none of those before."""
    lines = [f"Le paquet numéro {number} fournit les fichiers pour les utilisateurs." for number in range(6)]
    corpus = tmp_path / "phrases.txt"
    corpus.write_text("\n".join(lines), encoding="utf-8")
    assert real_errors.french_set([corpus], limit=2, skip=3) == lines[3:5]
    assert real_errors.french_set([corpus], [corpus], limit=2, skip=2) == lines[4:6]


def test_limit_splits_one_source_in_two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """``--limit N`` keeps the first N sentences; ``--skip N`` then gives the rest: a read half and a held-out half."""
    lines = [f"Le jeu numéro {number} apprend à compter avec les images pour les enfants." for number in range(5)]
    corpus = tmp_path / "activites.txt"
    corpus.write_text("\n".join(lines), encoding="utf-8")
    assert real_errors.french_set([corpus], limit=3) + real_errors.french_set([corpus], skip=3) == lines
    monkeypatch.setattr("sys.argv", ["real_errors.py", "--detectors", "typography", "--french", str(corpus),
                                     "--limit", "2"])
    assert real_errors.main() == 0
    assert capsys.readouterr().out.startswith("2 correct sentences")


@pytest.mark.parametrize(
    ("option", "value", "error"),
    [("--skip", "-3", "give a whole number of sentences"), ("--skip", "many", "give a whole number of sentences"),
     ("--limit", "0", "a set holds one sentence or more"), ("--limit", "many", "give a whole number of sentences")],
)
def test_a_bad_count_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str], option: str, value: str,
                                            error: str) -> None:
    """``--skip`` and ``--limit`` take a whole number of sentences; a set holds one at least."""
    corpus = tmp_path / "phrases.txt"
    corpus.write_text(f"{PROSE}\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["real_errors.py", "--french", str(corpus), option, value])
    with pytest.raises(SystemExit) as stop:
        real_errors.main()
    assert stop.value.code == 2
    assert error in capsys.readouterr().err
