"""Build tiny, randomly initialised models that load through the real code paths.

The hub cannot be reached here, so the tests make MarianMT models of a few
thousand parameters from two small sentencepiece models, save them with
``save_pretrained`` (safetensors) and load them back through exactly the code a
reviewer's real ``Helsinki-NLP/opus-mt-*`` model goes through.  Random weights
give arbitrary English; tests assert on structure, never on strings.
"""

from __future__ import annotations

import json
from pathlib import Path

FRENCH = [
    "Iran et le Pakistan conviennent de renforcer leur coopération.",
    "Les ministres des Affaires étrangères ont eu des pourparlers à Islamabad.",
    "Les deux pays voisins ont des relations difficiles.",
    "Le groupe militant opère dans des zones riches en minéraux.",
    "Nous ne permettrons pas aux terroristes de menacer la sécurité.",
    "Le président se rendra bientôt au Pakistan, a-t-il déclaré.",
    "Cependant, des efforts ont été faits pour réduire la tension.",
    "Les relations se sont détériorées après l'attaque de missiles.",
    "La réunion aura lieu le 30 janvier à 10 h 30.",
    "« Tous ces canaux fonctionnent », a déclaré le ministre.",
    "Il a accepté de signer l'accord sur le commerce et l'énergie.",
    "Elle pense que la situation est très grave et inquiétante.",
]
ENGLISH = [
    "Iran and Pakistan agree to strengthen their cooperation.",
    "The foreign ministers held talks in Islamabad.",
    "The two neighbouring countries have difficult relations.",
    "The militant group operates in areas rich in minerals.",
    "We will not allow terrorists to threaten security.",
    "The president will soon visit Pakistan, he said.",
    "However, efforts were made to reduce the tension.",
    "Relations deteriorated after the missile attack.",
    "The meeting will take place on 30 January at 10:30.",
    '"All these channels work," the minister said.',
    "He agreed to sign the trade and energy agreement.",
    "She thinks the situation is very serious and worrying.",
]


def _train_spm(lines: list[str], prefix: Path, vocab_size: int) -> None:
    import sentencepiece as spm  # noqa: PLC0415

    corpus = prefix.with_suffix(".txt")
    corpus.write_text("\n".join(lines * 3) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        unk_id=0,
        minloglevel=2,
    )
    corpus.unlink()


def build_tiny_marian(folder: Path, *, source: list[str] | None = None, target: list[str] | None = None,
                      seed: int = 0) -> Path:
    """Write a tiny MarianMT model (config, safetensors, tokenizer files) into ``folder``."""
    import sentencepiece as spm  # noqa: PLC0415
    import torch  # noqa: PLC0415
    from transformers import MarianConfig, MarianMTModel  # noqa: PLC0415

    source = source or FRENCH
    target = target or ENGLISH
    folder.mkdir(parents=True, exist_ok=True)
    work = folder / "_spm"
    work.mkdir(exist_ok=True)
    _train_spm(source, work / "source", 120)
    _train_spm(target, work / "target", 120)
    vocab = {"</s>": 0, "<unk>": 1}
    for name in ("source", "target"):
        processor = spm.SentencePieceProcessor(model_file=str(work / f"{name}.model"))
        for index in range(processor.get_piece_size()):
            vocab.setdefault(processor.id_to_piece(index), len(vocab))
        (work / f"{name}.model").rename(folder / f"{name}.spm")
    pad = len(vocab)
    vocab["<pad>"] = pad
    for leftover in work.iterdir():
        leftover.unlink()
    work.rmdir()
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (folder / "tokenizer_config.json").write_text(
        json.dumps({"source_lang": "fr", "target_lang": "en", "model_max_length": 96,
                    "tokenizer_class": "MarianTokenizer"}),
        encoding="utf-8",
    )
    torch.manual_seed(seed)
    config = MarianConfig(
        vocab_size=pad + 1, decoder_vocab_size=pad + 1, d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32,
        max_position_embeddings=96, pad_token_id=pad, decoder_start_token_id=pad, eos_token_id=0,
        forced_eos_token_id=0, max_length=40, num_beams=1,
    )
    model = MarianMTModel(config)
    model.save_pretrained(folder, safe_serialization=True)
    return folder


def build_tiny_camembert(folder: Path, *, lines: list[str] | None = None, seed: int = 0) -> Path:
    """Write a tiny CamemBERT masked language model (config, safetensors, tokenizer.json) into ``folder``."""
    import sentencepiece as spm  # noqa: PLC0415
    import torch  # noqa: PLC0415
    from transformers import CamembertConfig, CamembertForMaskedLM, CamembertTokenizer  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    work = folder / "_spm"
    work.mkdir(exist_ok=True)
    _train_spm(lines or FRENCH, work / "french", 150)
    processor = spm.SentencePieceProcessor(model_file=str(work / "french.model"))
    # CamemBERT's own layout: specials first, then the sentencepiece pieces, <mask> last
    vocab = [("<s>NOTUSED", 0.0), ("<pad>", 0.0), ("</s>NOTUSED", 0.0), ("<unk>", 0.0), ("<s>", 0.0), ("</s>", 0.0)]
    vocab += [(processor.id_to_piece(index), processor.get_score(index))
              for index in range(1, processor.get_piece_size())]
    vocab.append(("<mask>", 0.0))
    for leftover in work.iterdir():
        leftover.unlink()
    work.rmdir()
    tokenizer = CamembertTokenizer(vocab=vocab)
    tokenizer.save_pretrained(folder)
    torch.manual_seed(seed)
    config = CamembertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32,
        max_position_embeddings=130, pad_token_id=1, bos_token_id=4, eos_token_id=5,
    )
    CamembertForMaskedLM(config).save_pretrained(folder, safe_serialization=True)
    return folder
