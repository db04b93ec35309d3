import sys

from bench.cloture import main

sys.exit(main())
