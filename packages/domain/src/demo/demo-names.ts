import type { SeededRandom } from "./seeded-random.ts";

/** A person's name as shown, and a Latin-letter form for the email address. */
export interface DemoPersonName {
  display: string;
  given: string;
  family: string;
}

/** A name part in its own script and in Latin letters ("佐藤|sato"). */
type Part = string;

interface NameBook {
  male: readonly Part[];
  female: readonly Part[];
  family: readonly Part[];
  /** Family name first, and the separator between the parts. */
  familyFirst: boolean;
  separator: string;
  /** Female form of a family name (Russian -ov → -ova), if the language has one. */
  feminine?: (family: string) => string;
}

const books: Record<string, NameBook> = {
  en: {
    male: ["James", "Michael", "David", "Daniel", "Robert", "Thomas", "Oliver", "Ethan", "Samuel", "Andrew", "Noah", "Liam", "Ryan", "Kevin"],
    female: ["Emma", "Olivia", "Sarah", "Emily", "Jessica", "Laura", "Sophie", "Grace", "Hannah", "Chloe", "Megan", "Rachel", "Amy", "Lucy"],
    family: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Walker", "Clarke", "Wright", "Thompson", "White", "Hall", "Green", "Baker", "Miller", "Anderson", "Harris"],
    familyFirst: false,
    separator: " ",
  },
  de: {
    male: ["Lukas", "Jonas", "Felix", "Maximilian", "Paul", "Jan", "Tobias", "Stefan", "Matthias", "Jürgen"],
    female: ["Anna", "Lena", "Laura", "Julia", "Katharina", "Sabine", "Hannah", "Lea", "Sophie", "Monika"],
    family: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter"],
    familyFirst: false,
    separator: " ",
  },
  fr: {
    male: ["Louis", "Gabriel", "Hugo", "Arthur", "Jules", "Nicolas", "Julien", "Pierre", "Étienne", "Mathieu"],
    female: ["Camille", "Léa", "Manon", "Chloé", "Inès", "Julie", "Claire", "Élodie", "Sophie", "Amélie"],
    family: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Girard", "Fournier"],
    familyFirst: false,
    separator: " ",
  },
  es: {
    male: ["Hugo", "Martín", "Lucas", "Mateo", "Pablo", "Javier", "Alejandro", "Diego", "Sergio", "Álvaro"],
    female: ["Lucía", "Sofía", "María", "Paula", "Carmen", "Laura", "Elena", "Marta", "Sara", "Alba"],
    family: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno"],
    familyFirst: false,
    separator: " ",
  },
  pt: {
    male: ["João", "Pedro", "Lucas", "Gabriel", "Rafael", "Gustavo", "Felipe", "Bruno", "Thiago", "Mateus"],
    female: ["Ana", "Maria", "Juliana", "Beatriz", "Camila", "Fernanda", "Larissa", "Mariana", "Letícia", "Gabriela"],
    family: ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro"],
    familyFirst: false,
    separator: " ",
  },
  ja: {
    male: ["健|ken", "翔太|shota", "大輔|daisuke", "拓也|takuya", "誠|makoto", "直樹|naoki", "蓮|ren", "悠真|yuma", "浩|hiroshi", "亮|ryo"],
    female: ["陽子|yoko", "美咲|misaki", "愛|ai", "さくら|sakura", "由美|yumi", "葵|aoi", "恵|megumi", "結衣|yui", "真由美|mayumi", "花子|hanako"],
    family: ["佐藤|sato", "鈴木|suzuki", "高橋|takahashi", "田中|tanaka", "伊藤|ito", "渡辺|watanabe", "山本|yamamoto", "中村|nakamura", "小林|kobayashi", "加藤|kato", "吉田|yoshida", "山田|yamada"],
    familyFirst: true,
    separator: " ",
  },
  zh: {
    male: ["伟|wei", "强|qiang", "磊|lei", "军|jun", "洋|yang", "勇|yong", "杰|jie", "涛|tao", "明|ming", "浩然|haoran"],
    female: ["芳|fang", "娜|na", "敏|min", "静|jing", "丽|li", "秀英|xiuying", "婷|ting", "雪|xue", "慧|hui", "佳怡|jiayi"],
    family: ["王|wang", "李|li", "张|zhang", "刘|liu", "陈|chen", "杨|yang", "黄|huang", "赵|zhao", "吴|wu", "周|zhou", "徐|xu", "孙|sun"],
    familyFirst: true,
    separator: "",
  },
  ru: {
    male: ["Александр|aleksandr", "Дмитрий|dmitry", "Максим|maksim", "Сергей|sergey", "Андрей|andrey", "Алексей|aleksey", "Иван|ivan", "Михаил|mikhail", "Никита|nikita", "Павел|pavel"],
    female: ["Анна|anna", "Мария|maria", "Елена|elena", "Ольга|olga", "Наталья|natalia", "Татьяна|tatiana", "Екатерина|ekaterina", "Ирина|irina", "Дарья|daria", "Светлана|svetlana"],
    family: ["Иванов|ivanov", "Смирнов|smirnov", "Кузнецов|kuznetsov", "Попов|popov", "Васильев|vasiliev", "Петров|petrov", "Соколов|sokolov", "Михайлов|mikhailov", "Новиков|novikov", "Фёдоров|fedorov", "Морозов|morozov", "Волков|volkov"],
    familyFirst: false,
    separator: " ",
    feminine: (family) => family.replace(/\|(.*)$/, "а|$1a"),
  },
};

/** Latin letters only, for an email local part ("Müller" → "muller"). */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function split(part: Part): [string, string] {
  const [native = "", latin] = part.split("|");
  return [native, latin ?? asciiSlug(native)];
}

/** A realistic name for `locale` (falls back to English). */
export function demoPersonName(locale: string, random: SeededRandom): DemoPersonName {
  const book = books[locale] ?? books.en;
  if (!book) throw new Error("the English name book is missing");
  const female = random.chance(0.5);
  const [givenNative, given] = split(random.pick(female ? book.female : book.male));
  const familyPart = random.pick(book.family);
  const [familyNative, family] = split(female && book.feminine ? book.feminine(familyPart) : familyPart);
  const display = book.familyFirst ? `${familyNative}${book.separator}${givenNative}` : `${givenNative}${book.separator}${familyNative}`;
  return { display, given: asciiSlug(given), family: asciiSlug(family) };
}
