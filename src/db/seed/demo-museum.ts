import type { Schedule } from "../../domain/schedule/slot-times";

type DemoTicketType = { code: string; name: string; description: string; price: number; consumesCapacity?: boolean; requiresCompanion?: boolean };

export type DemoExhibition = {
  slug: string;
  kind: "exhibition" | "show";
  status: "draft" | "published";
  title: string;
  summary: string;
  description: string;
  image: string;
  durationMinutes: number;
  capacity: number;
  featured: boolean;
  displayOrder: number;
  ticketTypes: DemoTicketType[];
};

// Prices in rupees; the seeder stores paise.
const galleryTickets = (adult: number): DemoTicketType[] => [
  { code: "adult", name: "Adult", description: "Ages 18 to 59.", price: adult },
  { code: "child", name: "Child", description: "Ages 3 to 12, with an adult.", price: Math.round(adult * 0.4), requiresCompanion: true },
  { code: "student", name: "Student", description: "Ages 13 and over with a valid student ID.", price: Math.round(adult * 0.5) },
  { code: "senior", name: "Senior", description: "Ages 60 and over.", price: Math.round(adult * 0.5) },
  { code: "infant", name: "Under 3", description: "Free, in a parent's arms or a pram; no place is used.", price: 0, consumesCapacity: false, requiresCompanion: true },
];

const showTickets: DemoTicketType[] = [
  { code: "adult", name: "Adult", description: "Ages 18 to 59.", price: 250 },
  { code: "child", name: "Child", description: "Ages 5 to 12, with an adult; every child needs a seat.", price: 150, requiresCompanion: true },
  { code: "student", name: "Student", description: "Ages 13 and over with a valid student ID.", price: 180 },
  { code: "senior", name: "Senior", description: "Ages 60 and over.", price: 180 },
];

export const demoExhibitions: DemoExhibition[] = [
  {
    slug: "monsoon-rivers",
    kind: "exhibition",
    status: "published",
    title: "Monsoon: Rivers of a Subcontinent",
    summary: "Follow the rain from the Arabian Sea to the Bay of Bengal through maps, film and three thousand years of river craft.",
    description:
      "Every June the monsoon remakes India. This exhibition follows it from the first clouds over Kerala to the deltas of the east, through survey maps of the Kaveri and the Ganga, boat models from the Malabar coast, temple tank engineering and a walk-through rain room.\n\nCurators from our natural history and archaeology departments bring together 240 objects, half of them never shown before, alongside oral histories recorded with fishing families, farmers and hydrologists.",
    image: "/images/monsoon-rivers.svg",
    durationMinutes: 90,
    capacity: 120,
    featured: true,
    displayOrder: 1,
    ticketTypes: galleryTickets(400),
  },
  {
    slug: "chola-bronzes",
    kind: "exhibition",
    status: "published",
    title: "Chola Bronzes: The Dancing Gods",
    summary: "Forty masterpieces of lost-wax casting from Thanjavur's golden age, shown together for the first time in a generation.",
    description:
      "Between the ninth and thirteenth centuries, the workshops of the Chola kings cast some of the finest bronzes ever made. Shiva as Nataraja, Parvati, the poet-saints: figures made to be carried through temple streets, dressed and garlanded.\n\nThe exhibition shows forty of them in the round, with a working reconstruction of a Swamimalai casting workshop and a gallery on the conservation science that lets us read how each was made.",
    image: "/images/chola-bronzes.svg",
    durationMinutes: 60,
    capacity: 80,
    featured: true,
    displayOrder: 2,
    ticketTypes: galleryTickets(300),
  },
  {
    slug: "beyond-the-milky-way",
    kind: "show",
    status: "published",
    title: "Beyond the Milky Way",
    summary: "A 25-minute planetarium journey from the night sky over Bengaluru to the edge of the observable universe.",
    description:
      "Recline under our 12-metre dome and travel outwards: past the Moon and the planets, through the star clouds of our own galaxy, to the galaxies whose light left them before the Earth had formed.\n\nPresented live by one of our astronomers, so every show is a little different and questions are welcome. Twenty seats a show; latecomers cannot be admitted once the dome goes dark.",
    image: "/images/beyond-the-milky-way.svg",
    durationMinutes: 25,
    capacity: 20,
    featured: true,
    displayOrder: 3,
    ticketTypes: showTickets,
  },
  {
    slug: "machines-that-think",
    kind: "exhibition",
    status: "published",
    title: "Machines That Think: A Century of Computing",
    summary: "From the tabulators of the 1951 census to the language models of today, with machines you can touch and run.",
    description:
      "How did India count 361 million people in 1951? With punched cards. This hands-on exhibition traces computing from those tabulators through the TIFRAC, the first computer designed in India, to the phones in our pockets and the systems that now write and translate.\n\nA dozen working machines, a room of puzzles to solve with logic gates, and a gallery asking what we should and should not hand over to machines.",
    image: "/images/machines-that-think.svg",
    durationMinutes: 75,
    capacity: 100,
    featured: false,
    displayOrder: 4,
    ticketTypes: galleryTickets(350),
  },
  {
    slug: "threads-of-the-silk-road",
    kind: "exhibition",
    status: "published",
    title: "Threads of the Silk Road",
    summary: "Kanchipuram silks, Bukhara ikats and Chinese damasks: two thousand years of trade told in cloth.",
    description:
      "Cloth was the Silk Road's currency and its message. Sixty textiles from Kanchipuram, Varanasi, Samarkand, Isfahan and Suzhou show how patterns, dyes and weaving techniques travelled with merchants and pilgrims.\n\nHandle samples at the loom bench, watch a master weaver from Kanchipuram at work on weekends, and see the museum's conservators repairing a 17th-century Deccani coverlet.",
    image: "/images/threads-of-the-silk-road.svg",
    durationMinutes: 60,
    capacity: 60,
    featured: false,
    displayOrder: 5,
    ticketTypes: galleryTickets(250),
  },
  {
    slug: "life-in-the-deep",
    kind: "exhibition",
    status: "draft",
    title: "Life in the Deep",
    summary: "Opening next season: the creatures of the Indian Ocean's twilight zone.",
    description: "In preparation. Not yet on sale.",
    image: "/images/monsoon-rivers.svg",
    durationMinutes: 60,
    capacity: 80,
    featured: false,
    displayOrder: 6,
    ticketTypes: galleryTickets(300),
  },
];

/** Every day, a slot every 30 minutes from 10:00 to 17:30, venue time, of the exhibition's capacity. */
export const demoSchedule = (demo: DemoExhibition): Schedule => ({
  rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: "10:00", until: "18:00", everyMinutes: 30, capacity: demo.capacity }],
  closedDates: [],
});

// No password here: a published one is a staff login on any server someone forgot to mark as production.
export const DEMO_STAFF = { email: "staff@kaveri-museum.example", name: "Demo Staff" } as const;
