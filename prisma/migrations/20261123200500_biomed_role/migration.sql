-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'biomed';
