"""Function words: the words of grammar and of reporting, which say nothing about
what a sentence is about ("the", "would", "said", "according"). Two sentences that
share only these share nothing, and one of them standing in for another is no
choice of words."""

FUNCTION_WORDS = frozenset(
    """
    a about above according across added adding after again against almost along already
    also although always among an and another anyone anything are around as asked at be
    because been before being below between both but by called came can cannot come
    comes could did didn't do does doesn't doing done don't down during each either else
    enough even ever every for from further going gone had has have having he her here
    hers herself he's himself his however i in into is isn't it it's its itself just
    last least less like made make makes many may might more most much must my near
    neither never next no none not nothing of on once only or other others our ours over
    perhaps quite rather really said same say says several shall she she's should since
    some someone something still such take takes tell tells than that that's the their
    theirs them themselves then there there's these they they're thing things this those
    though through thus to together told took toward towards under unless until upon
    very want wants was wasn't we week weeks we're were what whatever when where whether
    which while who whom whose will with within without won't would year years you your
    yours
    """.split()
)
