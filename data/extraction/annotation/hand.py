# Hand-annotated sentences from stored public pages (search corpus "pages"), verbatim.
# Each: (url, sentence, figures); figure: (text, kind, speaker, parts) ; parts: list of texts.
A1 = "https://english.alarabiya.net/News/saudi-arabia/2023/04/15/-Yemen-bound-plane-carrying-rebel-prisoners-leaves-Saudi-ICRC-"
S24 = "https://south24.net/news/newse.php?tags=the-2nd-biggest-prisoner-exchange-operation-between-aden-and-sanaa-kicked-off&nid=3288"
SK = "https://education.sakshi.com/en/current-affairs/international/yemen-begins-three-day-prisoner-exchange-flights-between-aden-and-sanaa-129013"
TD = "https://takeonedigitalnetwork.com/yemen-prisoner-swap-begins-as-first-plane-departs"
KP = "https://ksaplayers.com/Ksahome/NewsDetial/?nid=31594456"
WW = "https://www.wiwo.de/politik/ausland/konflikte-jemen-kriegsparteien-beginnen-gefangenen-austausch/29094478.html"
RP = "https://rp-online.de/politik/ausland/jemen-und-saudi-arabien-grosser-gefangenenaustausch-fortgesetzt_aid-88587391"
SD = "https://sdaoutreach.com/2025/01/18/what-we-know-about-the-israel-hamas-ceasefire-and-what-it-means-for-gaza-and-the-hostages/"
TH = "https://todayheadline.co/aid-trucks-flow-into-gaza-displaced-residents-start-returning-home-as-truce-holds"
PC = "https://palestine.com/the-return-home/7934/"
NO = "https://www.newsonair.gov.in/russia-ukraine-us-conclude-second-round-of-peace-talks-in-abu-dhabi"
IT = "https://www.indiatoday.in/world/story/ukraine-russia-prisoner-exchange-peace-talks-abu-dhabi-progress-glbs-2863868-2026-02-06"
GN = "https://gulfnews.com/world/europe/us-russia-military-contacts-resume-in-abu-dhabi-after-five-year-gap-1.500433302"
GO = "https://gayaone.com/en/world-events/summary/us-mediated-talks-in-abu-dhabi-yield-314-person-prisoner-exchange-between-ukraine-and-russia"
HD = "https://www.hurriyetdailynews.com/amp/russia-ukraine-agree-pow-swap-at-abu-dhabi-talks-us-envoy-218630"
NH = "https://www.nationalheraldindia.com/amp/story/international/russia-and-ukraine-agree-major-prisoner-swap-at-us-mediated-talks-in-uae"
IP = "https://islamabadpost.com.pk/ukraine-and-russia-exchange-prisoners"
DR = "https://deeproots.news/story/Hope_Amidst_Adversity__Ukraine_and_Russia_Conduct_Rare_Prisoner_Exchange"
PN1 = "https://particle.news/story/prisoner-swap-repatriates-over-200-venezuelans-and-frees-10-americans"
DN = "https://preview.deepnewz.com/el-salvador/el-salvador-sends-238-venezuelans-home-venezuela-frees-10-americans-e72173d5"
AG = "https://agtrendsnews.com/2025/07/18/migrants-deported-to-el-salvadors-cecot-prison-sent-to-venezuela-in-prison-swap-bukele-says"
TU = "https://tulsaheartandsoul.com/news/world/migrants-deported-to-el-salvadors-cecot-prison-sent-to-venezuela-in-prison-swap-bukele-says"
PF = "https://profnews.org/en/el-salvador-us-in-talks-with-venezuela-on-prisoner-exchange"
FP = "https://firstpiper.com/2025/07/19/venezuela-frees-10-americans-in-swap-for-deported-migrants-in-el-salvador"
LT = "https://www.latintimes.com/us-reportedly-orchestrates-prisoner-swap-venezuela-using-detainees-deported-el-salvador-587109"

I, C, T, P, D, H = "increment", "cumulative", "target", "pledge", "demand", "held"

HAND = [
 (A1, "The ICRC will use its planes to fly the detainees into and out of six cities in Yemen and Saudi Arabia.", []),
 (A1, "Their medical staff and volunteers present at the six airports to help infirm detainees on and off the planes and provide first aid and ambulance services at the six airports.", []),
 (A1, "The release operations are the result of talks concluded on 20 March 2023 in Bern, Switzerland, where the parties to the conflict in Yemen finalized the plan for the release.", []),
 (A1, "Fabrizio Carboni, the ICRC’s regional director for the Near and Middle East, added: “With this act of goodwill, hundreds of families torn apart by conflict are being reunited during the holy month of Ramadan", []),
 (S24, "A plane belonging to the Red Cross at Aden International Airport carrying 35 prisoners who came from Sanaa, Friday, April 14, 2023 (Adel Hamran)", [("35 prisoners", I, "", [])]),
 (S24, "On Friday morning, the 2'nd biggest prisoner exchange operation in Yemen since 2015 between the Houthis, and forces affiliated with the Yemeni government kicked off.", []),
 (S24, "The Aden International Airport received 35 prisoners belonging to the Southern forces, and forces affiliated with the Yemeni government.", [("35 prisoners", I, "", [])]),
 (S24, "In return, 125 prisoners from the Houthi militia fighters arrived in Sanaa via a Yemenia air flight, coming from Aden.", [("125 prisoners", I, "", [])]),
 (S24, "Both of them were captured by the Houthis on February 22, 2015 in Al-Anad of Lahj governorate.", []),
 (S24, "Today will witness four air flights, two of which from Sanaa to Aden while the other two are from Aden.", []),
 (S24, "They aim at moving about 320 prisoners from both parties.", [("about 320 prisoners", T, "", [])]),
 (S24, "Maged Fadail, the Head of the Prisoners Committee affiliated with the Yemeni government tweeted: \"Today, we will receive former Defense Minister Mahmoud Al-Subaihi, and Major General Nasser Mansour Hadi in Aden International Airport as well as a number of heros after being in captivity for more than 8 years\".", []),
 (S24, "ICRC said on Twitter: \"An ICRC-chartered plane has left Aden to Sanaa, carrying 125 former detainees.", [("125 former detainees", I, "ICRC", [])]),
 (S24, "An ICRC plane also just left Sanaa to Aden, carrying 35 former detainees.", [("35 former detainees", I, "", [])]),
 (SK, "More than 300 detainees were released over the three days, with 70 travelling from Sanaa to Aden on board two flights, and 250 being sent from Aden to Sanaa aboard a Yemenia flight.", [("More than 300 detainees", C, "", []), ("70", I, "", []), ("250", I, "", [])]),
 (SK, "Nearly 900 conflict-related detainees are being released by the parties in Yemen, starting on Friday and continuing over three days.", [("Nearly 900 conflict-related detainees", T, "", [])]),
 (SK, "ICRC is managing the implementation of the operation, which includes flights between six airports in Yemen and Saudi Arabia over three days to repatriate the released detainees.", []),
 (SK, "TS Budget 2023-24 Bitbank: What is the total outlay of Telangana Budget 2023-24?", []),
 (SK, "Published date : 15 Apr 2023 06:07PM", []),
 (TD, "Sanaa [Yemen], April 14 (ANI): The release and swap of nearly 900 detainees by the two sides in Yemen’s conflict began on Friday, according to the International Committee of the Red Cross.", [("nearly 900 detainees", T, "International Committee of the Red Cross", [])]),
 (TD, "The release operation is the result of talks concluded on March 20, 2023 in Bern, Switzerland, where the parties to the conflict in Yemen finalized the plan for the release.", []),
 (KP, "SANAA, Yemen: A multi-day operation to exchange nearly 900 prisoners from Yemen’s war held by the Houthi militia and the Yemeni government began Friday, the International Committee for the Red Cross said.", [("nearly 900 prisoners", T, "International Committee for the Red Cross", [])]),
 (KP, "The Red Cross said that on Friday, there would be two rounds of simultaneous flights between Aden and Sanaa to transfer prisoners.", []),
 (KP, "The secretary-general of the Gulf Cooperation Council welcomed the agreement and called it an important humanitarian gesture as it will pave the way for the return of hundreds of prisoners and detainees to their families and loved ones.", [("hundreds of prisoners and detainees", T, "Gulf Cooperation Council", [])]),
 (WW, "Zwei Flugzeuge aus der von der Regierung kontrollierten Hafenstadt Aden mit insgesamt 249 Menschen an Bord seien auf dem Weg in die von den Huthi-Rebellen kontrollierte Hauptstadt Sanaa.", [("249 Menschen", I, "", [])]),
 (WW, "Zwei weitere Maschinen, die 69 ehemalige Gefangene transportieren, hätten zudem Sanaa Richtung Aden verlassen.", [("69 ehemalige Gefangene", I, "", [])]),
 (RP, "Wie der Sprecher der Regierungsdelegation, Madschid Fadail, am Freitag angekündigt hatte, sollten am Samstag 16 saudiarabische und drei sudanesische Gefangene von Sanaa nach Riad gebracht werden.", [("16 saudiarabische und drei sudanesische Gefangene", T, "Madschid Fadail", ["16 saudiarabische", "drei sudanesische Gefangene"], 19, 19)]),
 (RP, "Darüber hinaus sollten 100 Huthi-Rebellen in drei Flügen von der regierungsunterstützten Hafenstadt Mocha aus nach Sanaa geflogen werden.", [("100 Huthi-Rebellen", T, "", [])]),
 (RP, "Bei der dreitägigen Operation sollten demnach insgesamt fast 900 Gefangene freigelassen werden.", [("fast 900 Gefangene", T, "", [], 810, 899)]),
 (SD, "Many of those returning to the north are unlikely to have homes to return to, with much of the area damaged and destroyed over the past 15 months.", []),
 (SD, "In a peer-reviewed study published earlier this month in The Lancet journal, researchers at the London School of Hygiene and Tropical Medicine said they estimated that as many as 64,260 people were killed in “traumatic injury deaths” within the months between Oct. 7, 2023, and June 30, 2024.", []),
 (SD, "And in the hours since Wednesday’s ceasefire announcement, the death toll in Gaza continued to rise, with Mahmoud Basal, spokesman for the Civil Defense in Gaza Strip, warning in a post on Telegram on Thursday that nearly 80 people had been killed in the enclave since the agreement was announced, including at least 21 children, with dozens of other people wounded.", []),
 (SD, "“This won’t happen overnight, but we want to get up to over 500 trucks a day,” he said, adding that the ceasefire would also enable the distribution of aid throughout the enclave.", []),
 (TH, "More than 630 trucks of humanitarian aid have flowed into the Gaza Strip since the onset of a ceasefire between Israel and Hamas Sunday morning, the UN said, as the terror group claimed it would “rise again,” and displaced Palestinians began returning to their homes, taking stock of what was left.", []),
 (TH, "“There is no time to lose,” wrote Tom Fletcher, the United Nations under-secretary-general for humanitarian affairs, on X. “After 15 months of relentless war, the humanitarian needs are staggering.”", []),
 (TH, "Fletcher said at least 300 of the trucks were bringing humanitarian assistance into the north, where the reported need is particularly acute, and where Israel has at times been accused of not doing enough to facilitate aid, or intentionally preventing the flow of aid, both of which it denies.", []),
 (TH, "The hostage-ceasefire agreement that went into effect Sunday requires 600 truckloads of aid to be allowed into Gaza every day of the initial six-week truce, including 50 carrying fuel.", []),
 (TH, "On Sunday evening, Hamas released the first three hostages to be freed in the first phase of the ceasefire, and Israel released the first 90 Palestinian security prisoners.", [("the first three hostages", I, "", []), ("the first 90 Palestinian security prisoners", I, "", [])]),
 (TH, "Israel has been at war with Hamas since the terror group’s October 7, 2023 attack, when thousands of terrorists burst into southern Israel, killing some 1,200 people and taking 251 hostages.", [("251 hostages", H, "", [])]),
 (TH, "The 90 Palestinian prisoners released on Monday included between 21 and 28 men, according to contradictory media reports, all of which said they included some nine minors.", [("The 90 Palestinian prisoners", I, "", []), ("between 21 and 28 men", I, "", []), ("some nine minors", I, "", [])]),
 (PC, "What was once eagerly awaited, has now come true, the hopes of returning home, to return to the arms of their relatives, this is one of the first actions left by the ceasefire between Israel and Hamas, after 15 months of war.", []),
 (PC, "Hamas has released three hostages: 24-year-old Romi Gonen, 28-year-old Emily Damari and 31-year-old Doron Steinbrecher, as confirmed by Abu Obeida, spokesman for the Hamas’ Qassam Brigades.", [("three hostages", I, "Abu Obeida", [])]),
 (PC, "The agreement stipulates that during the ceasefire, 600 trucks of humanitarian aid will be allowed daily into Gaza.", []),
 (PC, "Of these, 50 will be used for fuel transport and 300 will be directed to the north of the Strip.", []),
 (PC, "UNRWA has announced that it has 4,000 trucks ready to enter Gaza.", []),
 (PC, "On Sunday, January 19, 2024, this truce began, and the beginning of the release of hostages with it.", []),
 (NO, "The two-day negotiations were described as constructive by all sides.", []),
 (NO, "US special envoy Steve Witkoff said the delegations agreed to exchange 314 prisoners of war, the first such swap in five months.", [("314 prisoners of war", T, "Steve Witkoff", [])]),
 (NO, "Russian state media later reported that 157 prisoners were exchanged by each side, with three Russian civilians also returned.", [("157 prisoners", I, "Russian state media", []), ("three Russian civilians", I, "Russian state media", [])]),
 (NO, "President Volodymyr Zelenskyy said more than 180 attack drones were deployed in a single night.", []),
 (NO, "Russia occupies about 20% of Ukrainian territory, including Crimea and parts of eastern Ukraine.", []),
 (IT, "Ukrainian President Volodymyr Zelenskyy said some of the released soldiers had been in captivity for nearly four years.", []),
 (IT, "US officials said the sides agreed to exchange 314 prisoners of war in the largest swap in five months.", [("314 prisoners of war", T, "US officials", [])]),
 (IT, "Russia’s defence ministry said each side had returned 157 prisoners, along with three Russian civilians from the Kursk region.", [("157 prisoners", I, "Russia’s defence ministry", []), ("three Russian civilians", I, "Russia’s defence ministry", [])]),
 (GN, "Dubai: Russia and Ukraine have carried out a prisoner exchange mediated in Abu Dhabi, while the United States and Russia held direct military-to- military talks in the UAE capital for the first time in five years — twin developments underscoring Abu Dhabi’s growing role as a hub for high-level diplomacy.", []),
 (GN, "US envoy Steve Witkoff later confirmed the scale of the swap, saying: “Today, delegations from the United States, Ukraine and Russia agreed to exchange 314 prisoners — the first such exchange in five months.”", [("314 prisoners", T, "Steve Witkoff", [])]),
 (GN, "The resumption of US-Russia military contacts is seen as particularly significant after a five-year freeze, with experts long warning that the absence of communication channels increases the risk of miscalculation.", []),
 (GO, "This development marks the first successful prisoner swap in a five-month period, signaling a tangible result of persistent diplomatic efforts despite the deep-seated political friction and fundamental disagreements that continue to define the relationship between the two warring nations.", []),
 (GO, "The consultations, which spanned February 4 and 5, 2026, utilized a structured approach involving separate working groups that eventually synchronized their positions to reach a consensus.", []),
 (GO, "Witkoff, who assumed his role as special envoy to the Middle East on January 20, 2025, under President Donald Trump’s administration, has been a central figure in these mediation efforts, bridging the gap between the conflicting parties.", []),
 (GO, "The primary outcome of these high-stakes discussions was a formal arrangement to exchange 314 prisoners of war between Ukraine and the Russian Federation.", [("314 prisoners of war", T, "", [])]),
 (GO, "On the Russian side, the negotiations were handled by Kirill Dmitriev, Vladimir Putin’s Special Representative for investment and economic cooperation, a position he has held since February 23, 2025.", []),
 (HD, "This handout photo from by Qatar's Ministry of Foreign Affairs (MOFA) released on February 4, 2026, shows the first day of the second round of trilateral talks between delegates from Russia, Ukraine, and the US which began in Abu Dhabi on Feb. 4.", []),
 (HD, "\"Today, delegations from the United States, Ukraine, and Russia agreed to exchange 314 prisoners -- the first such exchange in five months,\" Witkoff said on social media.", [("314 prisoners", T, "Witkoff", [])]),
 (HD, "The negotiations are the latest bid in diplomatic efforts to halt the fighting, Europe's deadliest since World War II, with hundreds of thousands killed, millions forced to flee their homes and much of eastern and southern Ukraine left decimated.", []),
 (HD, "Ukrainian President Volodymyr Zelensky said on Feb. 4 that 55,000 of his country's troops had been killed", []),
 (HD, "Russia said that there had been \"progress\" in talks with Ukraine in Abu Dhabi on finding an end to the four-year-war sparked by Moscow's full-scale invasion of its pro-Western neighbor.", []),
 (NH, "Shortly after the talks concluded, Russia and Ukraine carried out their first major prisoner exchange in nearly five months, with 157 detainees released by each side.", [("157 detainees", I, "", [])]),
 (IP, "A total of 157 Ukrainians – seven of them civilians – and 157 Russian soldiers were returned home in the first such swap in four months.", [("A total of 157 Ukrainians", I, "", ["seven of them civilians"]), ("157 Russian soldiers", I, "", [])]),
 (IP, "“We are returning our people home – 157 Ukrainians.", [("157 Ukrainians", I, "", [])]),
 (IP, "Ukrainians officials said 139 had been in Russian captivity since 2022.", [("139", H, "Ukrainians officials", [])]),
 (IP, "Russia launched a full-scale invasion of Ukraine in February 2022.", []),
 (DR, "Meanwhile, the Russian defense ministry reported that 157 of its POWs were returned by Kyiv, including three Russian civilians who were allegedly held illegally in Ukraine.", [("157 of its POWs", I, "Russian defense ministry", ["three Russian civilians"])]),
 (DR, "Ukrainian officials noted that 139 of them had been incarcerated by Russia since the onset of the conflict.", [("139", H, "Ukrainian officials", [])]),
 (PN1, "Lawmakers demand transparency over a $6 million U.S.–El Salvador deal that placed migrants in CECOT under the Alien Enemies Act.", []),
 (PN1, "Ten U.S. nationals held by Nicolás Maduro’s government were released and transported toward U.S. custody as part of the trilateral swap.", [("Ten U.S. nationals", I, "", [])]),
 (PN1, "Venezuela's Interior Minister Diosdado Cabello, right, and First Lady Cilia Flores welcome children of Venezuelan migrants, whose parents were deported separately from the United States, at Simon Bolivar International Airport in Maiquetia, Venezuela, Friday, July 18, 2025.", []),
 (DN, "El Salvador and Venezuela on 18 July completed a prisoner exchange in which El Salvador repatriated about 238 Venezuelans held in the country’s Terrorism Confinement Center (CECOT) while Venezuela freed ten Americans—five U.S. citizens and five lawful permanent residents—and transferred them to U.S. custody, according to two U.S. officials cited by Reuters.", [("about 238 Venezuelans", I, "U.S. officials", []), ("ten Americans", I, "U.S. officials", ["five U.S. citizens", "five lawful permanent residents"])]),
 (DN, "The Venezuelan detainees had been expelled from the United States in March after the Trump administration invoked the 1798 Alien Enemies Act to fast-track deportations of individuals it said belonged to the Tren de Aragua criminal gang.", []),
 (AG, "The more than 200 Venezuelan migrants who were deported by the Trump administration to El Salvador’s mega-prison in March have left El Salvador to be sent to Venezuela as part of a prisoner swap that included Americans, El Salvador President Nayib Bukele announced on X.", [("more than 200 Venezuelan migrants", I, "Nayib Bukele", [])]),
 (AG, "The deal included the release of 10 Americans held in Venezuela, according to U.S. Secretary of State Marco Rubio, who said the Americans had been released from Venezuela and were now “on their way to freedom.”", [("10 Americans", I, "Marco Rubio", [])]),
 (AG, "The migrants were sent to the prison, known as CECOT, as part of a $6 million deal the Trump administration made with Bukele to house migrant detainees as part of Trump’s immigration crackdown.", []),
 (TU, "In a statement, Venezuela’s government confirmed the release of 252 prisoners from CECOT.", [("252 prisoners", I, "Venezuela’s government", [])]),
 (PF, "In a coordinated effort, El Salvador is repatriating approximately 250 Venezuelan detainees in exchange for the release of U.S. nationals held in Venezuela, as announced by the U.S. and El Salvador governments.", [("approximately 250 Venezuelan detainees", I, "U.S. and El Salvador governments", [])]),
 (PF, "The Central American nation transferred the detainees—migrants deported from the U.S. and incarcerated at the Center for the Confinement of Terrorism (Cecot)—in return for the release of 10 U.S. citizens from Venezuela.", [("10 U.S. citizens", I, "", [])]),
 (FP, "Fri Jul 18 21:08:52 UTC 2025: ## News Article: US Deal Sends Deported Venezuelans Home in Exchange for American Prisoners", []),
 (FP, "**Washington D.C.** – In a complex international deal, nearly 200 Venezuelan men deported from the United States to a controversial El Salvadorian prison are heading home, in exchange for the release of ten Americans and a number of political prisoners held in Venezuela.", [("nearly 200 Venezuelan men", I, "", []), ("ten Americans", I, "", [])]),
 (FP, "Venezuela has confirmed the arrival of 252 citizens, along with seven children separated from their parents during deportation.", [("252 citizens", I, "Venezuela", [])]),
 (FP, "The deported Venezuelans were initially sent to El Salvador’s maximum-security Terrorism Confinement Center (CECOT) earlier this year under the invocation of the Alien Enemies Act of 1798, a wartime law.", []),
 (LT, "The United States has arranged for El Salvador to transfer Venezuelan deportees to Caracas in exchange for the release of ten individuals held by the Venezuelan government—five U.S. citizens and five permanent residents—according to two U.S. officials quoted by Reuters.", [("ten individuals", I, "U.S. officials", ["five U.S. citizens", "five permanent residents"])]),
 (LT, "— Aaron Reichlin-Melnick (@ReichlinMelnick) July 18, 2025", []),
 (LT, "While U.S. authorities have repeatedly maintained that they don't have jurisdiction over the deported individuals, a report from The New York Times published on July 8 revealed that high-level Trump officials had been actively negotiating to use these detainees as leverage.", []),
]
