import { describe, expect, it } from "vitest";
import { compareBedLabels, orderBeds, type OrderKey } from "./ward-order";

const bed = (label: string, news2: number | null, complete = true, occupied = true): OrderKey => ({ label, news2, complete, occupied });
const labels = (xs: OrderKey[]) => xs.map((x) => x.label);

describe("compareBedLabels", () => {
  it("orders numbers naturally, not as text", () => {
    expect(["10", "2", "1", "B-12", "B-3"].sort(compareBedLabels)).toEqual(["1", "2", "10", "B-3", "B-12"]);
  });
});

describe("orderBeds", () => {
  const input = [
    bed("Bed 10", 2),
    bed("Bed 2", 7),
    bed("Bed 1", null, false),
    bed("Bed 3", 5, false),
    bed("Bed 4", 7),
    bed("Bed 5", null, false, false),
    bed("Bed 11", 0),
  ];

  it("by bed: natural label order", () => {
    expect(labels(orderBeds(input, "bed"))).toEqual(["Bed 1", "Bed 2", "Bed 3", "Bed 4", "Bed 5", "Bed 10", "Bed 11"]);
  });

  it("by acuity: complete scores descending, ties by bed, then incomplete, then empty beds", () => {
    expect(labels(orderBeds(input, "acuity"))).toEqual(["Bed 2", "Bed 4", "Bed 10", "Bed 11", "Bed 3", "Bed 1", "Bed 5"]);
  });

  it("puts an incomplete score after every complete one, however high its partial sum", () => {
    expect(labels(orderBeds([bed("A", 1), bed("B", 9, false)], "acuity"))).toEqual(["A", "B"]);
  });

  it("does not mutate its input", () => {
    const copy = [...input];
    orderBeds(input, "acuity");
    expect(input).toEqual(copy);
  });

  it("handles an empty ward", () => {
    expect(orderBeds([], "acuity")).toEqual([]);
  });
});
