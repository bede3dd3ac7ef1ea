cmd-beban_kerja = Workload balance (ABK)
menu-beban_kerja = ⚖️ Workload
import-kind_workload = Workload (ABK: need & bezetting)
workload-empty = No workload figures yet. Send a CSV/XLSX file with columns <i>unit, jabatan, kebutuhan, bezetting</i> and choose <b>Workload</b>.
workload-title = ⚖️ <b>Workload balance per unit</b>
workload-title_after = ⚖️ <b>Workload after plan #{ $id }</b>
workload-head = Unit               Need Staff Gap
workload-head_after = Unit               Need Staff Gap Out In  New gap
workload-legend = Gap = staffed − need: negative is a shortage, positive a surplus.
workload-flagged = ⚠️ This plan widens the shortage of: <b>{ $units }</b>
workload-btn_chart = 📊 Chart
workload-btn_xlsx = 📥 XLSX
workload-btn_after = After plan #{ $id } { $name }
workload-chart_title = Need vs staffed per unit
workload-chart_title_after = Need vs staffed after plan #{ $id }
workload-chart_caption = Grey: need. Red: short, green: surplus, blue: exact.
workload-label_need = Need (ABK)
workload-label_staffed = Staffed (bezetting)
workload-sheet = Workload
workload-missing_columns = Required columns missing: { $columns }. Recognised columns: unit, jabatan, kebutuhan, bezetting.
workload-imported = ✅ Workload figures imported: { NUMBER($created) } new, { NUMBER($updated) } updated, { NUMBER($unchanged) } unchanged.
workload-not_applied = Nothing imported: { $count ->
        [one] { NUMBER($count) } row has problems
       *[other] { NUMBER($count) } rows have problems
    }. Fix the file, or import the valid rows only.
workload-line = Line { $line }: { $problem }
workload-col_unit = Unit
workload-col_need = Need
workload-col_staffed = Staffed
workload-col_gap = Gap
workload-col_leaving = Leaving
workload-col_arriving = Arriving
workload-col_staffed_after = Staffed after
workload-col_gap_after = Gap after
workload-col_flag = Shortage widened
workload-err_unit_empty = unit is empty
workload-err_position_empty = position (jabatan) is empty
workload-err_need = need is not a whole number ≥ 0 ({ $value })
workload-err_staffed = staffed is not a whole number ≥ 0 ({ $value })
workload-err_duplicate = same unit and position as line { $value }
