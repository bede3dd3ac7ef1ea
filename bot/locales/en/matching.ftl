match-err-missing_columns = Required columns missing: { $columns }
match-err-file = The file cannot be read: { $reason }
match-report-line = Line { $line }: { $reason }
match-report-applied = Positions imported: { NUMBER($created) } new, { NUMBER($updated) } updated, { NUMBER($unchanged) } unchanged.
match-report-skipped = { $count ->
        [one] { NUMBER($count) } rejected line was skipped
       *[other] { NUMBER($count) } rejected lines were skipped
    }.
match-report-not_applied = Nothing changed: { $count ->
        [one] { NUMBER($count) } line rejected
       *[other] { NUMBER($count) } lines rejected
    }. Fix the file or use --partial.
match-cli-written = { $rows ->
        [one] { NUMBER($rows) } recommendation row
       *[other] { NUMBER($rows) } recommendation rows
    } written to { $path } ({ $employees ->
        [one] { NUMBER($employees) } employee
       *[other] { NUMBER($employees) } employees
    }, { $positions ->
        [one] { NUMBER($positions) } position
       *[other] { NUMBER($positions) } positions
    }).
match-cli-no_positions = There are no open positions.
match-cli-competences_imported = Competence dictionary: { $created ->
        [one] { NUMBER($created) } new competence
       *[other] { NUMBER($created) } new competences
    }, { $variants ->
        [one] { NUMBER($variants) } variant added
       *[other] { NUMBER($variants) } variants added
    }.
match-cli-competence_line = { $name } — { $count ->
        [one] { NUMBER($count) } variant
       *[other] { NUMBER($count) } variants
    }
match-explain-matched = Matching competences: { $items }
match-explain-missing = Competences not yet met: { $items }
match-explain-primary_mark = { $name } (primary)
match-explain-education_ok = Education { $education } qualifies
match-explain-education_bad = Education does not qualify ({ $detail })
match-explain-rank_ok = Golongan { $rank } within { $low }–{ $high }
match-explain-rank_bad = Golongan { $rank } outside { $low }–{ $high }
match-explain-preferred = Unit matches the aspiration
match-no_skills = We could not recognise your skills yet. Please name them specifically, e.g. "archives, data analysis, English".
match-none = -
cmd-rekomendasi = Open positions that fit my skills
cmd-kandidat = Find candidates for a position
cmd-formasi = List open positions
menu-rekomendasi = 🎯 Recommended positions
menu-kandidat = 🔎 Position candidates
menu-formasi = 📋 Open positions
import-kind_positions = 📋 Open positions (formasi)
match-more = …and { NUMBER($count) } more
match-rec-title =
    🎯 <b>Recommended positions for you</b>
    Recognised skills: { $skills }
match-rec-item =
    <b>{ $n }. { $title }</b> — { $unit }
    Code { $code } · { $percent }% match
match-rec-btn_add = ➕ Add { $n } to my aspiration
match-rec-vague =
    Your skills are not specific enough yet to match them with open positions.
    { "" }
    Add skills in /profil → ➕ Skill. Write what you actually do, separated by commas, for example:
    • data analysis, statistics, Excel
    • procurement of goods and services (PBJ)
    • computer networks, application development
    • archiving, official correspondence
    • health promotion, public health
match-rec-unplaced = Text we could not recognise yet: { $items }
match-rec-none = Your skills were recognised ({ $skills }), but no open position fits them together with your education and golongan. Add skills in /profil or try again later.
match-rec-no_positions = There are no open positions at the moment. Please try again later.
match-rec-added = ✅ <b>{ $title }</b> at { $unit } was added as choice { $n } of your aspiration draft. Continue below, or any time with /aspirasi.
match-rec-already = This position is already in your aspiration draft.
match-rec-full = Your aspiration draft already holds { $max ->
        [one] { NUMBER($max) } choice
       *[other] { NUMBER($max) } choices
    } (the maximum). Change them with /aspirasi.
match-rec-rotation_other_unit = Your aspiration draft is a rotation within your own unit, but this position is in another unit. Change the kind of aspiration with /aspirasi.
match-rec-busy = You are in another conversation. Finish it or leave it with /cancel first.
match-rec-has_aspiration = You already have an aspiration in this period. Open /aspirasi to change your choices.
match-rec-not_for_unit = The open aspiration period does not apply to your unit.
match-closed = This position is no longer open.
match-cand-ask = 🔎 Type part of the position title, unit or position code.
match-cand-pick = Choose the position matching "{ $query }":
match-cand-not_found = No open position matches "{ $query }". Try other words or the position code, or /cancel.
match-cand-hr_only = Candidate search is for BKPSDM staff only.
match-cand-title =
    🔎 <b>Candidates for { $title }</b>
    { $unit } · code { $code }
    Candidates { $first }–{ $last } of { NUMBER($total) }:
match-cand-item =
    <b>{ $n }. { $name }</b> — NIP { $nip }
    { $unit } · { $position } · { $rank } · { $education }
    Match { $percent }%
match-cand-btn_xlsx = 📥 Download XLSX
match-cand-xlsx_caption = Candidates for { $title } ({ $code })
match-cand-nobody =
    No employee qualifies for <b>{ $title }</b> ({ $code }).
    Of { $total ->
        [one] { NUMBER($total) } active employee
       *[other] { NUMBER($total) } active employees
    }: { NUMBER($rank_ok) } within golongan { $low }–{ $high }, { $edu_ok ->
        [one] { NUMBER($edu_ok) } meets the education
       *[other] { NUMBER($edu_ok) } meet the education
    } requirement ({ $education }), { $both ->
        [one] { NUMBER($both) } meets both
       *[other] { NUMBER($both) } meet both
    }.
match-cand-nobody_skills = { $both ->
        [one] The one qualifying employee does not have the required competences
       *[other] None of the { NUMBER($both) } qualifying employees has the required competences
    }: { $skills }.
match-cand-nobody_unknown = The competences this position requires are not in the competence dictionary yet. Add their variants with asn-bot competences import.
match-any = any
match-xlsx-sheet = Candidates
match-pos-title = 📋 <b>Open positions</b> ({ $first }–{ $last } of { NUMBER($total) })
match-pos-item =
    <b>{ $code }</b> · { $title }
    { $unit } · quota { $quota } · golongan { $low }–{ $high } · education { $education }
match-pos-none = No open positions yet. Send a positions file (CSV/XLSX) to the bot to import them.
match-cand-use_args = You have another conversation's draft kept. Search directly with /kandidat followed by the position title or code, e.g. <code>/kandidat pranata komputer</code>.
match-err-position_id = position code (position_id) is empty
match-err-position_id_duplicate = position code { $value } already on line { $first_line }
match-err-title = position title is empty
match-err-unit = unit is empty
match-err-required_skills = required_skills is empty
match-err-education = unknown education level: { $value }
match-err-rank = unknown golongan: { $value }
match-err-rank_order = minimum golongan { $low } is above maximum { $high }
match-err-quota = quota must be a positive whole number: { $value }
match-xlsx-nip = NIP
match-xlsx-name = Name
match-xlsx-unit = Unit
match-xlsx-position = Position
match-xlsx-rank = Golongan
match-xlsx-education = Education
match-xlsx-score = Score
match-xlsx-matched = Matched competences
match-xlsx-missing = Missing competences
match-pos-btn_candidates = 👥 Candidates { $code }
match-cand-line = { $n }. <b>{ $name }</b> · { $rank } · { $education } · { $unit } · { $percent }%
match-cand-table_hint = 🔎 n = details and reasons · 📝 Usulkan n = add to the draft plan
match-cand-btn_detail = 🔎 { $n }
match-cand-flag_rank_high = ⚠️ golongan far above the post
match-cand-rank_high_detail = ⚠️ Golongan { $rank } is far above this post's level; check that the placement makes sense.
