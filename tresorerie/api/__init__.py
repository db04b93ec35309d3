"""API of the treasury: accounts of funds, carnets, receipts and their
quittances, restes à recouvrer, payment batches, bank statements and their
reconciliation, arrêtés de caisse.

Everyone holding a function reads (the auditor and the directeur read
everything); acts call the same services as the pages, so the same checks and
the same French messages apply; errors come as `{"code", "message", "details"}`.
"""

from __future__ import annotations

from tresorerie.api.caisse import ArreteListApi
from tresorerie.api.comptes import (
    CarnetCloreApi,
    CarnetListApi,
    CompteDecouvertApi,
    CompteFormatVirementsApi,
    CompteListApi,
)
from tresorerie.api.encaissements import (
    EncaissementAffecterApi,
    EncaissementAnnulerApi,
    EncaissementDetailApi,
    EncaissementListApi,
    EncaissementRecuApi,
    EncaissementRembourserApi,
    EncaissementSansTitreApi,
    RegularisationApi,
)
from tresorerie.api.paiements import (
    AttenteListApi,
    LigneDeciderApi,
    LotDetailApi,
    LotListApi,
    LotPain001Api,
)
from tresorerie.api.quittances import QuittanceDetailApi, QuittanceListApi, QuittancePdfApi
from tresorerie.api.releves import (
    EtatRapprochementApi,
    LigneReleveExpliquerApi,
    LigneReleveRapprocherApi,
    RapprochementDefaireApi,
    ReleveDetailApi,
    ReleveListApi,
)
from tresorerie.api.restes import RestesApi
from tresorerie.api.virements import FraisBancairesApi, VirementInterneApi

__all__ = [
    "CompteListApi",
    "CompteDecouvertApi",
    "CompteFormatVirementsApi",
    "CarnetListApi",
    "CarnetCloreApi",
    "EncaissementListApi",
    "EncaissementDetailApi",
    "EncaissementAffecterApi",
    "EncaissementRembourserApi",
    "EncaissementRecuApi",
    "EncaissementAnnulerApi",
    "EncaissementSansTitreApi",
    "RegularisationApi",
    "VirementInterneApi",
    "FraisBancairesApi",
    "QuittanceListApi",
    "QuittanceDetailApi",
    "QuittancePdfApi",
    "RestesApi",
    "LotListApi",
    "LotDetailApi",
    "LotPain001Api",
    "AttenteListApi",
    "LigneDeciderApi",
    "ReleveListApi",
    "ReleveDetailApi",
    "LigneReleveRapprocherApi",
    "LigneReleveExpliquerApi",
    "RapprochementDefaireApi",
    "EtatRapprochementApi",
    "ArreteListApi",
]
