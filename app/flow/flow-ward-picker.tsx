// The ward filter of the flow page (a GET form: the ward is in the URL).
import { Button } from "@/components/ui/button";
import { Select, type SelectOption } from "@/components/ui/select";

export function FlowWardPicker({ wards, value, all }: { wards: SelectOption[]; value: string; all: boolean }) {
  return (
    <form method="get" className="flex items-center gap-2">
      <Select
        aria-label="Ward"
        name="ward"
        look="filter"
        options={wards}
        defaultValue={value}
        {...(all ? { placeholder: "All wards" } : {})}
      />
      <Button type="submit" size="xs" variant="small">
        Show
      </Button>
    </form>
  );
}
