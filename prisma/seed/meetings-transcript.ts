// The demo transcript of the past round's main session, in the shape real-time captioners deliver it (disclaimer,
// page furniture, ">>" labels, double spaces, continuations, a label variant and an unlabelled turn).
export const DEMO_TRANSCRIPT = `FINISHED RAW COPY

IGF 2025 - Main Hall - Main Session: Meaningful Access and Digital Inclusion

The following are the outputs of the real-time captioning taken during the Annual Meeting of the Internet Governance Forum (IGF). Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors. It is posted as an aid to understanding the proceedings at the event, but should not be treated as an authoritative record.

* * *

>> CHAIR:  Good morning, everyone.  Please take your seats.  Welcome to this main session on meaningful access and digital inclusion.

>> CHAIR:  I give the floor to our moderator.

>> MODERATOR:  Thank you, Chair.  Good morning to all.
     A third of humanity is still offline, and most of the people who are offline live where a gigabyte of data costs more than a day's wage.  Access is now a question of affordability, skills and local content as much as coverage.

WANJIRU KAMAU:  Thank you, Moderator.
     Landing stations have multiplied on our coast, yet affordable backbone capacity remains out of reach for inland communities.  Open-access national backbones should be financed from universal service funds.

     Kenya is ready to share its experience with shared infrastructure and rights-of-way rules.

>> LI WEI:  Thank you.  Predictable spectrum policy is what brings investment to the last mile.  Shared spectrum for community networks and licensed spectrum for operators can coexist if the rules are clear.

>> FATOU DIOP:  Merci.  Thank you, Chair.
     Internet shutdowns during elections cut people off from essential information and from emergency services.  The IGF should track every shutdown and ask governments to explain them.

Page 2 of 4

IGF 2025 - Main Hall

>> RAVI RAMGOOLAM:  Thank you.  IPv6 deployment still matters for affordable access, because address scarcity raises costs for new entrants.  Capacity building for network operators should be part of every access strategy.

>> :  Can the remote participants hear the room?

>> MODERATOR:  Yes, we hear you.  We have two comments online.
     The first, from a remote hub in Lagos: devices cost more than data for most students, and affordability programmes must include devices.

>> NUSRAT JAHAN:  Thank you.  Research shows that local-language content drives adoption more than any subsidy.  Internationalised domain names remain poorly supported by applications, and that keeps people out.

>> F DIOP:  If I may add one point: content in African languages needs funding, not only goodwill.

(Applause)

>> CHAIR:  Thank you very much to all our speakers.  This concludes our session.  Have a good lunch.

Page 4 of 4
`;

export const DEMO_REPORT = `## Key messages

- Affordability of devices, not only of data, is the first barrier for most people still offline.
- Universal service funds should finance open-access backbones, community networks and public access points.
- Shared spectrum for community networks and licensed spectrum for operators can coexist under clear rules.
- Internet shutdowns during elections were raised as a threat to access; participants asked the IGF to track them.
- Local-language content and better support for internationalised domain names drive adoption.

## Way forward

Participants asked that next year's stock-taking session report on device affordability and on shutdowns.`;
