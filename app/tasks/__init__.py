"""The tasks (요약, 초안, 질문, the library, models, team servers) as plain Python generators of
``app.core.events``, shared by the CLI and the GUI: the one door between the front ends and the layers below.
May import every lower layer (``app.llm``, ``app.docs``, ``app.index``, ``app.store``, ``app.text``,
``app.sqlite``, ``app.core``); never Qt."""
