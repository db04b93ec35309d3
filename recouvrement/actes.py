"""The acts of recovery and their droits, one module per part, gathered here
where the permission catalogue looks for them (`manage.py droits`,
tests/personnes/test_catalogue.py): each part adds its own line."""

from recouvrement.actes_amiable import *  # noqa: F403
from recouvrement.actes_contentieux import *  # noqa: F403
from recouvrement.actes_surveillance import *  # noqa: F403
