from assistant.faces.cli import main

raise SystemExit(main())
