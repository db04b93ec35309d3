from pathlib import Path

from django.db import migrations

SQL = Path(__file__).resolve().parent / "sql"


def _lire(nom: str) -> str:
    return (SQL / f"{nom}.sql").read_text(encoding="utf-8")


class Migration(migrations.Migration):
    """The "same transaction" guards name a transaction by the server run and
    its id, so that they hold on a dump restored onto a new cluster; the
    commit-time check of a posting statement probes each entry's lines by
    index, whatever the planner's statistics (issue 14, points 7 and 9)."""

    dependencies = [("ledger", "0013_compte_manquants_en_attente")]
    operations = [
        migrations.RunSQL(
            _lire("0014_gardes_restauration"),
            "\n".join(
                _lire(nom)
                for nom in (
                    "0014_gardes_restauration.reverse",
                    "0007_format_empreinte",
                    "0008_compte_special_encaissement",
                    "0009_compte_special_cotisations",
                )
            ),
        )
    ]
