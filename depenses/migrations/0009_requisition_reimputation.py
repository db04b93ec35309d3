import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.horloge
from core.sql import operation_sql

CAS = [
    ("opposition", "opposition entre les mains de l'agent comptable"),
    ("dette_contestee", "dette contestée"),
    ("service_fait", "absence de service fait"),
    ("credits", "absence ou insuffisance de crédits"),
    ("decision_suspendue", "décision du conseil suspendue ou annulée"),
]


class Migration(migrations.Migration):
    """Entries in the name of who acted (circ. 93/82 §1.1.1). A réquisition
    brings the order to *requis*; the agent comptable answers it (visa in his
    name, or refusal in one of the five cases of §2.1.9.0). A certificate of
    réimputation is issued by the directeur, then taken in charge (posted) or
    rejected by the agent comptable (§2.1.4). PostgreSQL keeps the transitions,
    who answers and in whose name the entries are (sql/0009)."""

    dependencies = [
        ("depenses", "0008_motif_rattachement_pieces_exigees"),
        ("ledger", "0008_compte_special_encaissement"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ReponseRequisition",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("defere", "déféré : visé sur réquisition"),
                            ("refus", "refus de déférer"),
                        ],
                        max_length=8,
                    ),
                ),
                (
                    "cas",
                    models.CharField(
                        blank=True, choices=CAS, max_length=30, verbose_name="cas de refus"
                    ),
                ),
                ("explication", models.TextField(blank=True)),
                ("qualite", models.CharField(max_length=255)),
                ("le", models.DateTimeField(default=core.horloge.maintenant, editable=False)),
                (
                    "ecriture",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
                (
                    "par",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "requisition",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reponse",
                        to="depenses.requisition",
                    ),
                ),
                (
                    "suspension",
                    models.OneToOneField(
                        blank=True,
                        help_text="La nouvelle suspension qu'ouvre le refus de déférer.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="refus_de_deferer",
                        to="depenses.suspension",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("cas", ""),
                                ("decision", "defere"),
                                ("ecriture__isnull", False),
                                ("suspension__isnull", True),
                            ),
                            models.Q(
                                ("cas__in", [c for c, _l in CAS]),
                                ("decision", "refus"),
                                ("ecriture__isnull", True),
                                ("suspension__isnull", False),
                                models.Q(("explication", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="reponse_requisition_coherente",
                    )
                ],
            },
        ),
        migrations.AlterModelOptions(name="certificatreimputation", options={"ordering": ["id"]}),
        migrations.AddField(
            model_name="certificatreimputation",
            name="etat",
            field=models.CharField(
                choices=[
                    ("delivre", "délivré par le directeur, à prendre en charge"),
                    ("pris_en_charge", "pris en charge par l'agent comptable"),
                    ("rejete", "rejeté par l'agent comptable"),
                ],
                default="delivre",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="certificatreimputation",
            name="motif_rejet",
            field=models.TextField(blank=True, verbose_name="motif du rejet"),
        ),
        migrations.AddField(
            model_name="certificatreimputation",
            name="qualite",
            field=models.CharField(
                blank=True, max_length=255, verbose_name="qualité de l'émetteur"
            ),
        ),
        migrations.AddField(
            model_name="certificatreimputation",
            name="traite_le",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="pris en charge ou rejeté le"
            ),
        ),
        migrations.AddField(
            model_name="certificatreimputation",
            name="traite_par",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="pris en charge ou rejeté par",
            ),
        ),
        migrations.AlterField(
            model_name="certificatreimputation",
            name="ecriture",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="ledger.ecriture",
            ),
        ),
        migrations.AlterField(
            model_name="ordredepense",
            name="etat",
            field=models.CharField(
                choices=[
                    ("brouillon", "brouillon"),
                    ("signe", "signé (ordonnancé)"),
                    ("transmis", "transmis à l'agent comptable"),
                    ("suspendu", "paiement suspendu"),
                    ("requis", "requis, en attente du visa de l'agent comptable"),
                    ("vise", "visé"),
                    ("paye", "payé"),
                    ("retire", "retiré"),
                    ("abandonne", "abandonné"),
                    ("remplace", "remplacé par un duplicata"),
                ],
                default="brouillon",
                max_length=20,
            ),
        ),
        # Before the constraints: the former certificates become « pris en charge ».
        operation_sql(__file__, "0009_requisition_reimputation"),
        migrations.AddConstraint(
            model_name="certificatreimputation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("ecriture__isnull", True),
                        ("etat", "delivre"),
                        ("traite_par__isnull", True),
                    ),
                    models.Q(
                        ("ecriture__isnull", False),
                        ("etat", "pris_en_charge"),
                        ("traite_par__isnull", False),
                    ),
                    models.Q(
                        ("ecriture__isnull", True),
                        ("etat", "rejete"),
                        ("traite_par__isnull", False),
                        models.Q(("motif_rejet", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="reimputation_etat_coherent",
            ),
        ),
        migrations.AddConstraint(
            model_name="certificatreimputation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("etat", "delivre")),
                fields=("ordre",),
                name="reimputation_une_en_attente",
            ),
        ),
    ]
