"""The « fiche projet » (contract §7): a PDF the user takes away after a recommendation, with the
profile, each recommended call and its figures with their sources, and a plan de financement.

content.py builds what the sheet says from the engine's results (the same ones the bot shows, no
figure recomputed); render.py lays it out (HTML + CSS, WeasyPrint, tagged PDF); links.py makes the
unguessable link of one conversation's sheet, valid for the retention period.
"""
